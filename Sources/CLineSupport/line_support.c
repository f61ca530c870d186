#include "CLineSupport.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t pending_signal = 0;

static void record_signal(int signo) { pending_signal = signo; }

void nc_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
    /* A parent may start us with these blocked (Foundation.Process from a Dispatch thread does):
       unblock them, or Ctrl-C and kill would never reach the handler. */
    sigset_t handled;
    sigemptyset(&handled);
    sigaddset(&handled, SIGINT);
    sigaddset(&handled, SIGTERM);
    sigaddset(&handled, SIGHUP);
    sigaddset(&handled, SIGQUIT);
    sigprocmask(SIG_UNBLOCK, &handled, NULL);
}

int nc_pending_signal(void) { return pending_signal; }

/* Bytes read ahead while dropping an over-long line: what followed its line break, handed out first. */
static unsigned char ahead[4096];
static size_t ahead_start = 0, ahead_end = 0;
static int line_too_long = 0;

int nc_take_line_too_long(void) {
    int was = line_too_long;
    line_too_long = 0;
    return was;
}

/* One byte of input: 1, 0 at the end of input, -1 on an error (EINTR retried unless a signal is pending). */
static int next_byte(char *byte) {
    if (ahead_start < ahead_end) {
        *byte = (char)ahead[ahead_start++];
        return 1;
    }
    for (;;) {
        ssize_t n = read(STDIN_FILENO, byte, 1);
        if (n >= 0) return (int)n;
        if (errno != EINTR || pending_signal) return -1;
    }
}

/* Reads and drops input up to and including the next line break, 4 KB at a time (an 8 MB paste one byte per
   read(2) would take seconds); keeps what follows it for next_byte. 1 at the line break, else 0 or -1. */
static int drop_rest_of_line(void) {
    for (;;) {
        for (; ahead_start < ahead_end; ahead_start++) {
            if (ahead[ahead_start] == '\n' || ahead[ahead_start] == '\r') {
                ahead_start++;
                return 1;
            }
        }
        if (pending_signal) return 0;
        ssize_t n = read(STDIN_FILENO, ahead, sizeof ahead);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ahead_start = ahead_end = 0;
            return n == 0 ? 0 : -1;
        }
        ahead_start = 0;
        ahead_end = (size_t)n;
    }
}

int nc_read_char(EditLine *el, wchar_t *out) {
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (;;) {
        if (pending_signal) return 0;
        const LineInfo *line = el_line(el);
        if (line && (size_t)(line->lastchar - line->buffer) >= NC_LINE_LIMIT) {
            line_too_long = 1;
            int ended = drop_rest_of_line();
            if (ended <= 0) return ended;
            *out = L'\n';  /* ends the line: the caller sees the mark and refuses it */
            return 1;
        }
        char byte;
        int n = next_byte(&byte);
        if (n == 0) return 0;
        if (n < 0) return pending_signal ? 0 : -1;
        wchar_t wc;
        size_t r = mbrtowc(&wc, &byte, 1, &state);
        if (r == (size_t)-2) continue;          /* incomplete multibyte sequence: read more */
        if (r == (size_t)-1) {                   /* invalid byte: pass it through as-is */
            memset(&state, 0, sizeof state);
            *out = (wchar_t)(unsigned char)byte;
            return 1;
        }
        *out = wc;
        return 1;
    }
}

void nc_write_stream(int to_stderr, const char *bytes, size_t count) {
    FILE *stream = to_stderr ? stderr : stdout;
    fwrite(bytes, 1, count, stream);
    fflush(stream);
}

EditLine *nc_el_init(const char *program) { return el_init(program, stdin, stdout, stderr); }
