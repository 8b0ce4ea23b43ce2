/* SPDX-License-Identifier: MIT */
/*
 * Debug output helpers (outstring, outhex32, ...) as in L4Re.
 *
 * (L4ReC) L4Re sends these to the kernel debugger capability; we print
 * through the kernel log object at L4_BASE_LOG_CAP (vcon write), which every
 * initial task has, and format numbers here. enter_kdebug() prints its text
 * and then invokes L4_BASE_DEBUGGER_CAP, which may not exist (the IPC then
 * simply fails). Message registers are saved and restored around each
 * output, so these calls can sit between setting up and sending a message.
 */
#ifndef L4_SYS_KDEBUG_H
#define L4_SYS_KDEBUG_H

#include <l4/sys/compiler.h>
#include <l4/sys/consts.h>
#include <l4/sys/ipc.h>
#include <l4/sys/vcon.h>

enum l4_kdebug_group_t {
	L4_KDEBUG_GROUP_JDB = 0x000,
	L4_KDEBUG_GROUP_KOBJ = 0x100,
	L4_KDEBUG_GROUP_TRACE = 0x200,
	L4_KDEBUG_GROUP_COV = 0x400,
	L4_KDEBUG_GROUP_DUMP = 0x500,
};

enum l4_kdebug_ops_t {
	L4_KDEBUG_ENTER = L4_KDEBUG_GROUP_JDB + 0,
	L4_KDEBUG_OUTCHAR = L4_KDEBUG_GROUP_JDB + 1,
	L4_KDEBUG_OUTNSTRING = L4_KDEBUG_GROUP_JDB + 2,
	L4_KDEBUG_OUTHEX32 = L4_KDEBUG_GROUP_JDB + 3,
	L4_KDEBUG_OUTHEX20 = L4_KDEBUG_GROUP_JDB + 4,
	L4_KDEBUG_OUTHEX16 = L4_KDEBUG_GROUP_JDB + 5,
	L4_KDEBUG_OUTHEX12 = L4_KDEBUG_GROUP_JDB + 6,
	L4_KDEBUG_OUTHEX8 = L4_KDEBUG_GROUP_JDB + 7,
	L4_KDEBUG_OUTDEC = L4_KDEBUG_GROUP_JDB + 8,
};

/* Write all of text to the log, in UTCB-sized chunks, keeping the MRs. */
L4_INLINE void outnstring(char const *text, unsigned len)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *mr = l4_utcb_mr_u(u);
	l4_msg_regs_t saved = *mr;

	while (len) {
		unsigned n = len > L4_VCON_WRITE_SIZE ? L4_VCON_WRITE_SIZE : len;

		l4_vcon_send_u(L4_BASE_LOG_CAP, text, n, u);
		text += n;
		len -= n;
	}
	*mr = saved;
}

L4_INLINE void outstring(char const *text)
{
	unsigned len = 0;

	while (text[len])
		++len;
	outnstring(text, len);
}

L4_INLINE void outchar(char c)
{
	outnstring(&c, 1);
}

/* Print the low 'digits' hex digits of v. */
L4_INLINE void __l4_kdebug_hex(l4_uint64_t v, unsigned digits)
{
	char buf[16];
	unsigned i;

	for (i = 0; i < digits; ++i) {
		unsigned d = (unsigned)(v >> (4 * (digits - 1 - i))) & 0xf;

		buf[i] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
	}
	outnstring(buf, digits);
}

L4_INLINE void outhex64(l4_uint64_t number)
{
	__l4_kdebug_hex(number, 16);
}

L4_INLINE void outumword(l4_umword_t number)
{
	__l4_kdebug_hex(number, 16);
}

L4_INLINE void outhex32(l4_uint32_t number)
{
	__l4_kdebug_hex(number, 8);
}

L4_INLINE void outhex20(l4_uint32_t number)
{
	__l4_kdebug_hex(number, 5);
}

L4_INLINE void outhex16(l4_uint16_t number)
{
	__l4_kdebug_hex(number, 4);
}

L4_INLINE void outhex12(l4_uint16_t number)
{
	__l4_kdebug_hex(number, 3);
}

L4_INLINE void outhex8(l4_uint8_t number)
{
	__l4_kdebug_hex(number, 2);
}

L4_INLINE void outdec(l4_mword_t number)
{
	char buf[21];
	unsigned pos = sizeof(buf);
	l4_uint64_t v = number < 0 ? 0 - (l4_uint64_t)number : (l4_uint64_t)number;

	do {
		buf[--pos] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	if (number < 0)
		buf[--pos] = '-';
	outnstring(buf + pos, sizeof(buf) - pos);
}

L4_INLINE void enter_kdebug(char const *text)
{
	l4_utcb_t *u = l4_utcb();
	l4_msg_regs_t *mr = l4_utcb_mr_u(u);
	l4_umword_t mr0 = mr->mr[0];

	if (text) {
		outstring(text);
		outchar('\n');
	}
	mr->mr[0] = L4_KDEBUG_ENTER;
	l4_ipc_call(L4_BASE_DEBUGGER_CAP, u, l4_msgtag(L4_PROTO_DEBUGGER, 1, 0, 0), L4_IPC_NEVER);
	mr->mr[0] = mr0;
}

#endif /* L4_SYS_KDEBUG_H */
