// el_set and history are variadic, which Swift cannot call: each use gets a typed wrapper here.
#include <stdio.h>
#include <histedit.h>

static inline int nc_el_set_prompt(EditLine *el, char *(*prompt)(EditLine *)) {
    return el_set(el, EL_PROMPT, prompt);
}
static inline int nc_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int nc_el_set_getc(EditLine *el, el_rfunc_t getc) {
    return el_set(el, EL_GETCFN, getc);
}
static inline int nc_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int nc_el_add_function(EditLine *el, const char *name, const char *help,
                                     unsigned char (*fn)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int nc_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, NULL);
}
static inline History *nc_history_init(int size) {
    History *h = history_init();
    HistEvent ev;
    if (h) history(h, &ev, H_SETSIZE, size);
    return h;
}
static inline void nc_history_enter(History *h, const char *line) {
    HistEvent ev;
    history(h, &ev, H_ENTER, line);
}
