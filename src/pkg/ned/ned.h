/* SPDX-License-Identifier: MIT */
/*
 * ned: the loader that runs Lua .cfg scripts (L4Re's ned).  This header
 * ties its files together: the Lua classes of the L4 module (capabilities,
 * loaders, started programs) and the table of programs ned is the parent
 * of.  Everything runs on ned's one thread: the script, and, whenever the
 * script waits or has finished, the loop that receives the exit signals
 * of the programs (app.c).
 */
#ifndef NED_H
#define NED_H

#include <string.h>

#include <lua.h>

#include <l4/loader/loader.h>
#include <l4/sys/types.h>

/* Names of the Lua metatables (also what type errors print). */
#define NED_CAP_MT "L4.Cap"
#define NED_APP_MT "L4.App"
#define NED_LOADER_MT "L4.Loader"

/* A capability as a Lua value: selector plus the rights it is passed on with. */
struct ned_cap {
	l4_cap_idx_t cap;
	unsigned rights; /* L4_CAP_FPAGE_* given to a program that gets it */
};

/* Length of a name in a fixed field that is NUL-terminated unless full. */
static inline size_t ned_field_len(char const *s, size_t size)
{
	char const *z = memchr(s, '\0', size);

	return z ? (size_t)(z - s) : size;
}

/* cap.c: the L4.Cap class. */
void ned_cap_open(lua_State *L);
void ned_cap_push(lua_State *L, l4_cap_idx_t cap, unsigned rights);
struct ned_cap *ned_cap_check(lua_State *L, int idx);
struct ned_cap *ned_cap_test(lua_State *L, int idx);

/* cap_create.c: Cap:create(proto, args...), the factory protocol. */
int ned_cap_create(lua_State *L);

/* env.c, proto.c, info.c: the tables L4.Env, L4.Proto, L4.Info. */
void ned_env_push(lua_State *L);
void ned_proto_push(lua_State *L);
void ned_info_push(lua_State *L);

/* loader.c: the L4.Loader class and L4.default_loader. */
void ned_loader_open(lua_State *L);

/* A program ned started; lives as long as ned (so :wait() works late). */
enum ned_app_state { NED_APP_RUNNING, NED_APP_EXITED, NED_APP_KILLED };

struct ned_app {
	struct ned_app *next;
	unsigned long id;    /* the label of its parent gate is id << 2 */
	l4_cap_idx_t parent; /* gate the program's exit signal arrives on */
	l4_cap_idx_t log;    /* its log, if ned created it (else invalid) */
	struct l4_loader_app la;
	enum ned_app_state state;
	long status; /* exit status once state is NED_APP_EXITED */
};

/*
 * What a script asked for in :start().  Every string and array it points
 * to is owned by Lua and anchored in a table on the Lua stack (see
 * ned_start_parse()), so a Lua error in the middle leaks nothing.
 */
struct ned_start {
	char const **argv;
	int argc;
	char const **envp; /* "NAME=value", NULL-terminated */
	struct l4_loader_cap caps[L4_LOADER_MAX_CAPS];
	unsigned nr_caps;
	char const *tag;  /* log tag, NULL: none asked for */
	l4_cap_idx_t log; /* a log the script passed, or L4_INVALID_CAP */
	unsigned prio;	  /* 0: the loader's default */
};

/* start_opts.c: fill s from the options at opts and the POSIX env table at penv (0: none). */
void ned_start_parse(lua_State *L, int opts, int penv, struct ned_start *s);
void ned_start_argv(lua_State *L, int first, int last, struct ned_start *s);
void ned_start_cmdline(lua_State *L, int idx, struct ned_start *s);

/* cmdline.c: split a command line at blanks; returns the count or -1. */
int ned_cmdline_split(char *line, char const **argv, int max);

/* log.c: a log object for a program, from the loader's log factory. */
long ned_log_create(l4_cap_idx_t fab, char const *tag, l4_cap_idx_t *log);

/* app.c: starting programs and receiving their exit signals. */
long ned_app_start(struct ned_start const *s, l4_cap_idx_t log, int log_owned,
		   struct ned_app **app);
void ned_app_kill(struct ned_app *app);
void ned_app_wait(struct ned_app *app);
_Noreturn void ned_app_serve_forever(void);
extern int ned_verbose;

/* app_lua.c: the L4.App class (the task object :start() returns). */
void ned_app_open(lua_State *L);
void ned_app_push(lua_State *L, struct ned_app *app);

/* module.c: the L4 module (require "L4"). */
int ned_luaopen_L4(lua_State *L);

#endif /* NED_H */
