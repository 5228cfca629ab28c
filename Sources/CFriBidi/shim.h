#ifndef RESO_CFRIBIDI_SHIM_H
#define RESO_CFRIBIDI_SHIM_H
// GNU FriBidi (Debian: libfribidi-dev) behind two plain-C calls. Swift cannot import
// FriBidi's composed macros (FRIBIDI_PAR_RTL, FRIBIDI_FLAGS_DEFAULT), and the library's
// several arrays are easier to own on this side, so the Unicode bidi algorithm is driven here.
#include <fribidi/fribidi.h>
#include <stdint.h>
#include <stdlib.h>

// Paragraph base direction requested by the caller.
enum { RESO_BIDI_AUTO = 0, RESO_BIDI_LTR = 1, RESO_BIDI_RTL = 2 };

// Resolves the embedding level of every scalar of one paragraph (rules P2–I2, with bracket
// pairs, N0). `levels` gets `len` entries. Returns 1 when the resolved base is RTL, 0 when
// LTR, -1 on failure (allocation).
static inline int reso_bidi_levels(const uint32_t *text, int32_t len, int base, int8_t *levels) {
    if (len <= 0) return base == RESO_BIDI_RTL;
    FriBidiCharType *types = malloc(sizeof(FriBidiCharType) * (size_t)len);
    FriBidiBracketType *brackets = malloc(sizeof(FriBidiBracketType) * (size_t)len);
    if (!types || !brackets) { free(types); free(brackets); return -1; }
    fribidi_get_bidi_types((const FriBidiChar *)text, len, types);
    fribidi_get_bracket_types((const FriBidiChar *)text, len, types, brackets);
    FriBidiParType dir = base == RESO_BIDI_RTL ? FRIBIDI_PAR_RTL : base == RESO_BIDI_LTR ? FRIBIDI_PAR_LTR : FRIBIDI_PAR_ON;
    FriBidiLevel max = fribidi_get_par_embedding_levels_ex(types, brackets, len, &dir, (FriBidiLevel *)levels);
    free(types); free(brackets);
    if (max == 0) return -1;
    return FRIBIDI_IS_RTL(dir) ? 1 : 0;
}

// Reorders the line text[off ..< off+len] of a paragraph whose levels came from
// reso_bidi_levels (rules L1–L3; combining marks stay after their base, as a terminal needs).
// `levels` is the whole paragraph's array and is updated for the line (L1 resets trailing
// spaces). `map` (len entries) gets, for each visual position, the logical index in the paragraph.
// Returns 0 on failure.
static inline int reso_bidi_reorder_line(const uint32_t *text, int32_t off, int32_t len, int baseRTL,
                                         int8_t *levels, int32_t *map) {
    if (len <= 0) return 1;
    // The line alone is passed (off 0, arrays shifted): reordering only reads the line's own
    // types and levels, so a paragraph of k lines costs O(paragraph), not O(k · paragraph).
    FriBidiCharType *types = malloc(sizeof(FriBidiCharType) * (size_t)len);
    if (!types) return 0;
    fribidi_get_bidi_types((const FriBidiChar *)text + off, len, types);
    for (int32_t i = 0; i < len; i++) map[i] = off + i;
    FriBidiLevel r = fribidi_reorder_line(FRIBIDI_FLAG_REORDER_NSM, types, len, 0,
                                          baseRTL ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR,
                                          (FriBidiLevel *)levels + off, NULL, (FriBidiStrIndex *)map);
    free(types);
    return r != 0;
}

// The mirrored glyph of a bracket-like character drawn right to left (`(` → `)`), or the
// character itself.
static inline uint32_t reso_bidi_mirror(uint32_t c) {
    FriBidiChar m = c;
    return fribidi_get_mirror_char(c, &m) ? m : c;
}
#endif
