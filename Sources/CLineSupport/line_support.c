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

int nc_read_char(EditLine *el, wchar_t *out) {
    (void)el;
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (;;) {
        if (pending_signal) return 0;
        char byte;
        ssize_t n = read(STDIN_FILENO, &byte, 1);
        if (n == 0) return 0;
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
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
