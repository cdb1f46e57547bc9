#ifndef EDUIOC_CPROCESSGUARD_SHIM_H
#define EDUIOC_CPROCESSGUARD_SHIM_H
// Process hardening the Swift overlay of Glibc cannot express: prctl(2) is variadic, RLIMIT_CORE is an enum
// constant of an anonymous enum, and a crash handler must run in the signal context without the Swift runtime.
// Only ProcessSupport (shared by eduioc and eduioc-view) imports this module (docs/DEPLOYMENT.md, "Crashes").
#include <errno.h>
#include <execinfo.h>
#include <malloc.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/// Makes the process non-dumpable: no core file, and no other process of the same account may ptrace it or
/// read its memory through /proc. Returns 0 on success.
static inline int eduioc_set_not_dumpable(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }

/// 1 when the process is dumpable, 0 when not, -1 on error.
static inline int eduioc_is_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0); }

/// Sets the soft and hard core-file size limits to 0. Returns 0 on success.
static inline int eduioc_disable_core_files(void) {
    struct rlimit none = { 0, 0 };
    return setrlimit(RLIMIT_CORE, &none);
}

/// Sets the calling thread's short name (comm, at most 15 bytes); the re-exec through /proc/self/exe would
/// otherwise name the process "exe".
static inline int eduioc_set_process_name(const char *name) { return prctl(PR_SET_NAME, name, 0, 0, 0); }

// ── The crash handler ─────────────────────────────────────────────────────────────────────────────────
// State written by eduioc_crash_guard_install before any crash can happen; read in the handler. (A function's
// static, not a global: Swift's importer does not emit a header's static globals.)
struct eduioc_crash_state {
    int user_fd;
    int log_fd;
    int tty_saved;
    struct termios tty;
    char line[512];
    size_t line_length;
};
static inline struct eduioc_crash_state *eduioc_crash_state(void) {
    static struct eduioc_crash_state state = { 2, -1, 0 };
    return &state;
}

static inline void eduioc_crash_write(int fd, const char *text, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, text, length);
        if (n < 0) { if (errno == EINTR) continue; return; }
        text += n; length -= (size_t)n;
    }
}

static inline void eduioc_crash_write_number(int fd, long long value) {
    char digits[24]; int i = 23; int negative = value < 0;
    unsigned long long v = negative ? (unsigned long long)(-(value + 1)) + 1 : (unsigned long long)value;
    digits[i] = '\0';
    do { digits[--i] = (char)('0' + (v % 10)); v /= 10; } while (v > 0 && i > 1);
    if (negative) digits[--i] = '-';
    eduioc_crash_write(fd, digits + i, (size_t)(23 - i));
}

static void eduioc_crash_handler(int number) {
    int saved = errno;
    // The terminal first: leave the alternate screen, show the cursor, reset attributes and the mouse, and put
    // back the modes saved at start (only async-signal-safe calls from here on).
    if (eduioc_crash_state()->tty_saved) {
        static const char reset[] = "\033[0m\033[?1000l\033[?1002l\033[?1006l\033[?25h\033[?1049l\r\n";
        eduioc_crash_write(eduioc_crash_state()->user_fd, reset, sizeof reset - 1);
        tcsetattr(eduioc_crash_state()->user_fd, TCSANOW, &eduioc_crash_state()->tty);
    }
    eduioc_crash_write(eduioc_crash_state()->user_fd, eduioc_crash_state()->line, eduioc_crash_state()->line_length);
    if (eduioc_crash_state()->log_fd >= 0) {
        static const char head[] = "eduioc crash: signal ";
        eduioc_crash_write(eduioc_crash_state()->log_fd, head, sizeof head - 1);
        eduioc_crash_write_number(eduioc_crash_state()->log_fd, number);
        eduioc_crash_write(eduioc_crash_state()->log_fd, " pid ", 5);
        eduioc_crash_write_number(eduioc_crash_state()->log_fd, (long long)getpid());
        eduioc_crash_write(eduioc_crash_state()->log_fd, " uid ", 5);
        eduioc_crash_write_number(eduioc_crash_state()->log_fd, (long long)getuid());
        eduioc_crash_write(eduioc_crash_state()->log_fd, " time ", 6);
        eduioc_crash_write_number(eduioc_crash_state()->log_fd, (long long)time(NULL));
        eduioc_crash_write(eduioc_crash_state()->log_fd, "\n", 1);
        void *frames[64];
        int count = backtrace(frames, 64);
        backtrace_symbols_fd(frames, count, eduioc_crash_state()->log_fd);
        eduioc_crash_write(eduioc_crash_state()->log_fd, "--\n", 3);
    }
    errno = saved;
    // SA_RESETHAND put the default action back: raise again to end with the same signal (no core file when
    // RLIMIT_CORE is 0 or the process is not dumpable).
    signal(number, SIG_DFL);
    raise(number);
}

/// Installs the crash handler for SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS and SIGFPE (on an alternate stack,
/// so a stack overflow is caught too). `user_fd` gets `line` (one line, for the person at the terminal) after
/// the terminal is reset to the modes it has now; `log_fd` (or -1) gets the signal, ids and a raw backtrace.
/// Returns 0 on success.
static inline int eduioc_crash_guard_install(int user_fd, int log_fd, const char *line) {
    size_t length = strlen(line);
    if (length >= sizeof eduioc_crash_state()->line) length = sizeof eduioc_crash_state()->line - 1;
    memcpy(eduioc_crash_state()->line, line, length);
    eduioc_crash_state()->line[length] = '\0';
    eduioc_crash_state()->line_length = length;
    eduioc_crash_state()->user_fd = user_fd;
    eduioc_crash_state()->log_fd = log_fd;
    eduioc_crash_state()->tty_saved = isatty(user_fd) && tcgetattr(user_fd, &eduioc_crash_state()->tty) == 0;
    // backtrace() loads libgcc on first use (it allocates): do that now, not in the handler.
    void *warm[2];
    (void)backtrace(warm, 2);
    static char *alternate = NULL;
    if (alternate == NULL) {
        size_t size = 256 * 1024;
        alternate = malloc(size);
        if (alternate != NULL) {
            stack_t stack = { .ss_sp = alternate, .ss_flags = 0, .ss_size = size };
            sigaltstack(&stack, NULL);
        }
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = eduioc_crash_handler;
    action.sa_flags = SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    const int numbers[] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        if (sigaction(numbers[i], &action, NULL) != 0) return -1;
    }
    return 0;
}

/// Changes where the handler writes the user's line (the terminal modes saved at install stay).
static inline void eduioc_crash_guard_set_user_fd(int user_fd) { eduioc_crash_state()->user_fd = user_fd; }

/// Changes where the handler writes details (after the log is opened or closed); -1 for nowhere.
static inline void eduioc_crash_guard_set_log(int log_fd) { eduioc_crash_state()->log_fd = log_fd; }

/// Hands the free memory at the top of the heap and inside every arena back to the system (glibc); lowers the
/// resident set, not its peak. 1 when some memory was released.
static inline int eduioc_release_free_memory(void) { return malloc_trim(0); }
#endif
