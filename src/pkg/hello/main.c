// SPDX-License-Identifier: MIT
/*
 * hello: the smallest C program.  Proves the whole chain: bootstrap,
 * kernel, sigma0, moe (loader, region map, log), l4re-libc's start-up
 * (crt1 -> backend init -> musl) and stdout through the log capability,
 * which moe prints as "hello | Hello World".
 */
#include <stdio.h>

int main(void)
{
	printf("Hello World\n");
	return 0;
}
