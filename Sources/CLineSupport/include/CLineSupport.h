#ifndef NC_LINE_SUPPORT_H
#define NC_LINE_SUPPORT_H
#include <wchar.h>
#include <histedit.h>

/// Installs SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-\\) handlers that only record the signal (no SA_RESTART),
/// so a blocking read returns and the loop can end after finishing its current write.
void nc_install_signal_handlers(void);
/// The last signal received since the handlers were installed, or 0.
int nc_pending_signal(void);

/// The longest line the REPLs take, in bytes: a longer one (a runaway paste) is refused, never held whole.
#define NC_LINE_LIMIT 4096

/// libedit character reader: returns 0 (end of input) once a signal is pending,
/// instead of retrying the interrupted read as libedit's own reader does. Once the line being edited reaches
/// NC_LINE_LIMIT bytes it reads the rest of that line in chunks and drops it, then ends the line (see below).
int nc_read_char(EditLine *el, wchar_t *out);
/// True (once) when the line libedit just returned was cut at NC_LINE_LIMIT; clears the mark.
int nc_take_line_too_long(void);


#include <stdio.h>
/// Writes bytes to stdout (or stderr) and flushes them, through the same FILE libedit writes to
/// (Swift 6 can't touch C's `stdout` global directly).
void nc_write_stream(int to_stderr, const char *bytes, size_t count);
/// el_init on the standard streams.
EditLine *nc_el_init(const char *program);
#endif
