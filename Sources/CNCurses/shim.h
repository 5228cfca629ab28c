#ifndef RESO_CNCURSES_SHIM_H
#define RESO_CNCURSES_SHIM_H
// The wide-character API (get_wch, waddnwstr, cchar_t) only exists with these defined
// before <curses.h>; SwiftPM drops pkg-config's -D flags, so they live here.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <curses.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

// Swift cannot import macros with casts or C globals under strict concurrency,
// so each one the terminal layer needs is exposed as a function.
static inline WINDOW *shim_stdscr(void) { return stdscr; }
// newterm rather than initscr: it returns NULL on an unknown TERM instead of exiting.
static inline int shim_newterm(void) { return newterm(NULL, stdout, stdin) != NULL; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline mmask_t shim_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED
         | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline mmask_t shim_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t shim_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t shim_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t shim_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int shim_wcwidth(wchar_t c) { return wcwidth(c); }

// Signals. Handlers only record the signal number: the main loop (get_wch returns on EINTR
// or after its timeout) ends curses itself and then re-raises, so the parent sees 128+n and
// the terminal is never left in raw mode. Installed before initscr, so ncurses keeps its hands off.
// (Function-local statics: Swift's importer emits the functions it uses but not file-scope
// static variables of a header.)
static inline volatile sig_atomic_t *reso_pending(void) { static volatile sig_atomic_t s = 0; return &s; }
static inline volatile sig_atomic_t *reso_have_termios(void) { static volatile sig_atomic_t s = 0; return &s; }
static inline struct termios *reso_saved_termios(void) { static struct termios t; return &t; }

static void reso_flag_handler(int sig) { *reso_pending() = sig; }

// Crash path (SIGSEGV, Swift traps…): only async-signal-safe calls. Put the tty modes back,
// leave the alternate screen and mouse mode, then die with the original signal.
static void reso_crash_handler(int sig) {
    static const char reset[] = "\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?25h\033[?1049l\r\n";
    if (*reso_have_termios()) tcsetattr(STDIN_FILENO, TCSANOW, reso_saved_termios());
    ssize_t r = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)r;
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void shim_install_signal_handlers(void) {
    if (tcgetattr(STDIN_FILENO, reso_saved_termios()) == 0) *reso_have_termios() = 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = reso_flag_handler;
    sa.sa_flags = 0;  // no SA_RESTART: a blocking get_wch must return so the flag is seen
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = reso_crash_handler;
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGABRT, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    // A parent (test runner threads, some shells) may have left these blocked; a blocked
    // SIGTERM would stay pending forever and a blocked SIGWINCH would break KEY_RESIZE.
    sigset_t un;
    sigemptyset(&un);
    sigaddset(&un, SIGINT); sigaddset(&un, SIGTERM); sigaddset(&un, SIGHUP);
    sigaddset(&un, SIGWINCH); sigaddset(&un, SIGTSTP); sigaddset(&un, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &un, NULL);
}

static inline int shim_take_pending_signal(void) {
    int s = *reso_pending();
    *reso_pending() = 0;
    return s;
}

// While $EDITOR runs it owns Ctrl-C; we must not take it as "quit".
static inline void shim_ignore_interactive_signals(int ignore) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = ignore ? SIG_IGN : reso_flag_handler;
    sigaction(SIGINT, &sa, NULL);
}

static inline void shim_reraise(int sig) {
    signal(sig, SIG_DFL);
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, sig);
    sigprocmask(SIG_UNBLOCK, &s, NULL);
    raise(sig);
}
#endif
