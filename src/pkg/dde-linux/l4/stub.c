// SPDX-License-Identifier: MIT
/* What every generated stub calls (<dde/stub.h>): name it, stop the server. */
#include <stdio.h>

#include <dde/l4.h>
#include <dde/stub.h>

void dde_stub_called(const char *name)
{
	printf("dde: unimplemented Linux function %s called; stopping\n", name);
	dde_l4_stop(70);
}
