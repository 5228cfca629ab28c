#ifndef RESO_CNCURSES_SHIM_H
#define RESO_CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <curses.h>
#endif
