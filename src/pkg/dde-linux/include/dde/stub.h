/* SPDX-License-Identifier: MIT */
/*
 * Stubs for Linux functions a driver references but dde-linux does not
 * provide: tools/l4re-driver-wrap generates a stubs.c of DDE_STUB(name)
 * lines from the linker's undefined symbols.  A stub is never a silent
 * no-op: called, it prints "dde: unimplemented Linux function <name>
 * called; stopping" and ends the server (exit status 70), so a test that
 * reaches one fails with its name; then dde-linux gets the real function.
 */
#ifndef DDE_STUB_H
#define DDE_STUB_H

void dde_stub_called(const char *name) __attribute__((noreturn));

/* The prototype does not matter to the linker; it keeps our warnings quiet. */
#define DDE_STUB(name)                  \
	void name(void);                \
	void name(void)                 \
	{                               \
		dde_stub_called(#name); \
	}

#endif
