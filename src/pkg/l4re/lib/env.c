// SPDX-License-Identifier: MIT
/*
 * The program's initial environment: found on the initial stack through
 * auxv AT_L4_ENV (the loader puts it there) and kept in l4re_global_env,
 * together with envp for l4re_env_get_cap_by_envvar().
 */
#include <l4/re/env.h>
#include <l4/re/l4aux.h>
#include <l4/sys/err.h>

#include "env_priv.h"

l4re_env_t *l4re_global_env;
char **l4re_initial_envp;

void l4re_env_init(l4re_env_t *env)
{
	l4re_global_env = env;
}

int l4re_env_init_auxv(const l4_umword_t *auxv)
{
	for (; auxv && auxv[0] != L4RE_AT_NULL; auxv += 2) {
		if (auxv[0] == AT_L4_ENV) {
			l4re_env_init((l4re_env_t *)auxv[1]);
			return 0;
		}
	}
	return -L4_ENOENT;
}

int l4re_env_init_argv(int argc, char **argv)
{
	char **envp, **p;

	if (!argv)
		return -L4_ENOENT;
	envp = argv + argc + 1;
	l4re_initial_envp = envp;
	for (p = envp; *p; p++)
		;
	return l4re_env_init_auxv((const l4_umword_t *)(p + 1));
}
