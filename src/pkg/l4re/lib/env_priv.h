/* SPDX-License-Identifier: MIT */
/* State shared between env.c and env_cap.c (not installed). */
#ifndef L4RE_LIB_ENV_PRIV_H
#define L4RE_LIB_ENV_PRIV_H

/* envp of the initial stack, if l4re_env_init_argv() saw it. */
extern char **l4re_initial_envp;

#endif /* L4RE_LIB_ENV_PRIV_H */
