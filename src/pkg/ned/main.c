// SPDX-License-Identifier: MIT
/*
 * ned: runs the Lua scripts named on its command line (moe starts it as
 * "rom/ned rom/hello.cfg"), one after the other, then stays to receive the
 * exit signals of the programs they started; ned itself never ends.
 *
 *   ned [-v] script...     -v: log every exit, status 0 included
 *
 * A script that fails (syntax error, Lua error, a program that cannot be
 * started) is reported as "ned: <file>:<line>: <message>"; what it started
 * before keeps running and the next script still runs.  Scripts are read
 * with fopen() (the C library resolves rom/ paths), so error positions
 * name the script as given, e.g. "rom/hello.cfg:3:".
 */
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "ned.h"

/* Message handler: keep the message, add nothing (it has file:line already). */
static int ned_msgh(lua_State *L)
{
	if (!lua_isstring(L, 1) && !luaL_callmeta(L, 1, "__tostring"))
		lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
	return 1;
}

static void ned_run_script(lua_State *L, char const *path)
{
	int base = lua_gettop(L);

	lua_pushcfunction(L, ned_msgh);
	if (luaL_loadfilex(L, path, "t") != LUA_OK || lua_pcall(L, 0, 0, base + 1) != LUA_OK)
		printf("ned: %s\n", lua_tostring(L, -1));
	lua_settop(L, base);
}

int main(int argc, char **argv)
{
	lua_State *L;
	int i, scripts = 0;

	/* Our stdout is a log, not a terminal: print whole lines as they come. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	L = luaL_newstate();
	if (!L) {
		printf("ned: cannot create the Lua state: out of memory\n");
		return 1;
	}
	luaL_openlibs(L);
	luaL_requiref(L, "L4", ned_luaopen_L4, 1);
	lua_pop(L, 1);

	for (i = 1; i < argc; ++i) {
		if (!strcmp(argv[i], "-v")) {
			ned_verbose = 1;
			continue;
		}
		ned_run_script(L, argv[i]);
		++scripts;
	}
	if (!scripts)
		printf("ned: no script given (usage: ned [-v] rom/<script>.cfg...)\n");
	ned_app_serve_forever();
}
