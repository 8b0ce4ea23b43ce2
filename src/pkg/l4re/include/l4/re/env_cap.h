/* SPDX-License-Identifier: MIT */
/*
 * (L4ReC) Capabilities named through the environment, the convention of
 * systemd units and configurable programs: L4_CAP_<NAME>=<capname> names
 * the capability <capname> of the initial environment.
 *
 *   l4_cap_idx_t fs = l4re_env_get_cap_by_envvar("L4_CAP_GLOBAL_FS");
 *   if (l4_is_invalid_cap(fs))
 *           printf("no file system: %s\n", l4sys_errtostr(l4re_env_cap_error(fs)));
 *
 * Errors come back inside the invalid selector: a negative error code
 * always has bit 11 set, so it is an invalid capability for
 * l4_is_invalid_cap(), and l4re_env_cap_error() gets the code back:
 *   -L4_ENOENT  the variable is not set
 *   -L4_ENODEV  the variable names a capability the environment lacks
 *   -L4_EINVAL  the variable is set but empty
 *
 * Where the variables come from: l4re_env_get_cap_by_envvar() reads the
 * C library's `environ` if one is linked (a weak reference, so setenv()
 * is seen), else the envp l4re_env_init_argv() found on the initial
 * stack.  l4re_env_get_cap_by_envvar_e() takes envp explicitly.
 */
#ifndef L4_RE_ENV_CAP_H
#define L4_RE_ENV_CAP_H

#include <l4/re/env.h>
#include <l4/sys/err.h>

EXTERN_C_BEGIN

l4_cap_idx_t l4re_env_get_cap_by_envvar(char const *var);
l4_cap_idx_t l4re_env_get_cap_by_envvar_e(char const *var, char *const envp[],
					  l4re_env_t const *env);

/* 0 for a valid selector, else the error code it carries (-L4_EINVAL for L4_INVALID_CAP). */
L4_INLINE long l4re_env_cap_error(l4_cap_idx_t cap)
{
	long v = (long)cap;

	if (l4_is_valid_cap(cap))
		return 0;
	if (v < 0 && v > -L4_ERRNOMAX)
		return v;
	return -L4_EINVAL;
}

EXTERN_C_END

#endif /* L4_RE_ENV_CAP_H */
