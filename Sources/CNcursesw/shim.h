#ifndef EDUIOC_CNCURSESW_SHIM_H
#define EDUIOC_CNCURSESW_SHIM_H
// Wide-character ncurses for Swift. See README "ncurses in Swift" for why each line is here.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>

/// stdscr, COLS and LINES are global mutable C variables: Swift 6 refuses to read them directly.
static inline WINDOW *eduioc_stdscr(void) { return stdscr; }
static inline int eduioc_cols(void) { return COLS; }
static inline int eduioc_lines(void) { return LINES; }
#endif
