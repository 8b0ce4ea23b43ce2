// SPDX-License-Identifier: MIT
/*
 * The L4.App class: the task object loader:start() returns.
 *
 *   t:wait()       blocks until the program ends (serving the exits of all
 *                  programs meanwhile) and returns its exit status; a
 *                  program killed by t:kill() gives nil, "killed"
 *   t:kill()       removes the program now
 *   t:state()      "running", "exited" or "killed"
 *   t:exit_code()  the exit status, or nil while it runs
 *
 * The object points at ned's record of the program (app.c), which
 * outlives it, so the object needs no finalizer.
 */
#include <lauxlib.h>

#include "ned.h"

/* The userdata: a reference to the record. */
struct app_ref {
	struct ned_app *app;
};

static struct ned_app *app_check(lua_State *L)
{
	return ((struct app_ref *)luaL_checkudata(L, 1, NED_APP_MT))->app;
}

void ned_app_push(lua_State *L, struct ned_app *app)
{
	struct app_ref *r = lua_newuserdatauv(L, sizeof(*r), 0);

	r->app = app;
	luaL_setmetatable(L, NED_APP_MT);
}

static int app_push_result(lua_State *L, struct ned_app *app)
{
	if (app->state == NED_APP_EXITED) {
		lua_pushinteger(L, app->status);
		return 1;
	}
	lua_pushnil(L);
	lua_pushstring(L, app->state == NED_APP_KILLED ? "killed" : "running");
	return 2;
}

static int app_wait(lua_State *L)
{
	struct ned_app *app = app_check(L);

	ned_app_wait(app);
	return app_push_result(L, app);
}

static int app_kill(lua_State *L)
{
	ned_app_kill(app_check(L));
	lua_pushboolean(L, 1);
	return 1;
}

static int app_state(lua_State *L)
{
	static char const *const names[] = { "running", "exited", "killed" };

	lua_pushstring(L, names[app_check(L)->state]);
	return 1;
}

static int app_exit_code(lua_State *L)
{
	struct ned_app *app = app_check(L);

	if (app->state != NED_APP_EXITED)
		return 0;
	lua_pushinteger(L, app->status);
	return 1;
}

static int app_tostring(lua_State *L)
{
	struct ned_app *app = app_check(L);

	lua_pushfstring(L, "L4.App[%s]", app->la.name);
	return 1;
}

static const luaL_Reg app_methods[] = {
	{ "wait", app_wait },		{ "kill", app_kill }, { "state", app_state },
	{ "exit_code", app_exit_code }, { NULL, NULL },
};

void ned_app_open(lua_State *L)
{
	luaL_newmetatable(L, NED_APP_MT);
	lua_pushcfunction(L, app_tostring);
	lua_setfield(L, -2, "__tostring");
	luaL_newlib(L, app_methods);
	lua_setfield(L, -2, "__index");
	lua_pop(L, 1);
}
