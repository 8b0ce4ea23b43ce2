// SPDX-License-Identifier: MIT
/*
 * L4_CAP_<NAME>=<capname> lookup (see <l4/re/env_cap.h>).  The C library's
 * `environ` is referenced weakly: with l4re-libc linked it is the live
 * environment; without (l4util programs) it is absent and the envp of the
 * initial stack is used.
 */
#include <l4/re/env_cap.h>

#include "env_priv.h"

extern char **environ __attribute__((weak));

/* The value of var in envp, or NULL. */
static char const *find_var(char const *var, char *const envp[])
{
	for (; envp && *envp; envp++) {
		char const *e = *envp, *v = var;

		while (*v && *e == *v) {
			e++;
			v++;
		}
		if (!*v && *e == '=')
			return e + 1;
	}
	return 0;
}

l4_cap_idx_t l4re_env_get_cap_by_envvar_e(char const *var, char *const envp[],
					  l4re_env_t const *env)
{
	char const *val = find_var(var, envp);
	l4_cap_idx_t cap;

	if (!val)
		return (l4_cap_idx_t)-L4_ENOENT;
	if (!*val)
		return (l4_cap_idx_t)-L4_EINVAL;
	cap = l4re_env_get_cap_e(val, env);
	return l4_is_valid_cap(cap) ? cap : (l4_cap_idx_t)-L4_ENODEV;
}

l4_cap_idx_t l4re_env_get_cap_by_envvar(char const *var)
{
	char *const *envp = l4re_initial_envp;

	if (&environ && environ)
		envp = environ;
	return l4re_env_get_cap_by_envvar_e(var, envp, l4re_env());
}
