#ifndef EDUIOC_CNCURSESW_SHIM_H
#define EDUIOC_CNCURSESW_SHIM_H
// Wide-character ncurses for Swift. See docs/ARCHITECTURE.md, "ncurses in Swift", for why each line is here.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdatomic.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// stdscr, COLS and LINES are global mutable C variables: Swift 6 refuses to read them directly.
static inline WINDOW *eduioc_stdscr(void) { return stdscr; }
/// Makes the next refresh clear the terminal and draw every cell: after a window change the terminal (tmux, a
/// terminal emulator) may have moved or cropped what was on it, so ncurses' idea of the screen is no longer true.
static inline int eduioc_redraw_all_on_next_refresh(void) { return clearok(curscr, TRUE); }
static inline int eduioc_cols(void) { return COLS; }
static inline int eduioc_lines(void) { return LINES; }
/// COLORS and COLOR_PAIRS likewise (valid after start_color).
static inline int eduioc_colors(void) { return COLORS; }
static inline int eduioc_color_pairs(void) { return COLOR_PAIRS; }
/// stdin/stdout are global C variables too (for newterm, which reports failure instead of exiting).
static inline FILE *eduioc_stdin(void) { return stdin; }
static inline FILE *eduioc_stdout(void) { return stdout; }

/// Attribute macros (A_BOLD …) expand through NCURSES_BITS and are not importable.
static inline attr_t eduioc_a_normal(void) { return A_NORMAL; }
static inline attr_t eduioc_a_bold(void) { return A_BOLD; }
static inline attr_t eduioc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t eduioc_a_reverse(void) { return A_REVERSE; }
static inline attr_t eduioc_a_dim(void) { return A_DIM; }

/// Mouse masks are built by NCURSES_MOUSE_MASK and are not importable.
static inline mmask_t eduioc_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t eduioc_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t eduioc_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t eduioc_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t eduioc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t eduioc_button5_pressed(void) { return BUTTON5_PRESSED; }

/// The number of wide characters one cchar_t can hold (a base plus combining marks).
static inline int eduioc_ccharw_max(void) { return CCHARW_MAX; }

/// wcwidth(3), which glibc declares only under _XOPEN_SOURCE: the width ncurses itself will assume.
extern int wcwidth(wchar_t c);
static inline int eduioc_wcwidth(wchar_t c) { return wcwidth(c); }

/// True when the current LC_CTYPE codeset is UTF-8.
static inline int eduioc_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't') && (cs[2] == 'F' || cs[2] == 'f');
}

/// True when the terminal type can move the cursor (terminfo `cup`): TERM=dumb and the like cannot.
static inline int eduioc_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/// Window changes, taken from ncurses: a flag set by the SIGWINCH handler, read by the input loop. Installed
/// before newterm, so ncurses (which only catches SIGWINCH while it has the default action) never resizes its
/// windows to whatever size a client asks for; the backend resizes them itself, capped.
static inline volatile sig_atomic_t *eduioc_winch_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}
static void eduioc_winch_handler(int number) { (void)number; *eduioc_winch_flag() = 1; }
static inline int eduioc_take_over_winch(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = eduioc_winch_handler;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGWINCH, &action, NULL);
}
/// 1 (once) when the window changed since the last call.
static inline int eduioc_winch_pending(void) {
    if (!*eduioc_winch_flag()) return 0;
    *eduioc_winch_flag() = 0;
    return 1;
}
/// The terminal's size from the kernel (TIOCGWINSZ on `fd`); 0 on success.
static inline int eduioc_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

/// Calls endwin() at most once per process, from any thread or a signal handler; returns 1 if it did.
static inline int eduioc_endwin_once(void) {
    static atomic_int done = 0;
    if (atomic_exchange(&done, 1) != 0) return 0;
    endwin();
    return 1;
}
#endif
