// SPDX-License-Identifier: MIT
/*
 * l4sys_errtostr(): human-readable text for L4 error codes, including the
 * IPC error range that l4_error() produces. Out of line because the table
 * of strings should exist once per program, not once per caller.
 */
#include <l4/sys/err.h>
#include <l4/sys/ipc.h>

static char const *ipc_errtostr(unsigned long code)
{
	switch (code) {
	case L4_IPC_ENOT_EXISTENT:
		return "IPC: partner does not exist";
	case L4_IPC_RETIMEOUT:
		return "IPC: receive timeout";
	case L4_IPC_SETIMEOUT:
		return "IPC: send timeout";
	case L4_IPC_RECANCELED:
		return "IPC: receive canceled";
	case L4_IPC_SECANCELED:
		return "IPC: send canceled";
	case L4_IPC_REMAPFAILED:
		return "IPC: map failed in receive";
	case L4_IPC_SEMAPFAILED:
		return "IPC: map failed in send";
	case L4_IPC_RESNDPFTO:
	case L4_IPC_SESNDPFTO:
		return "IPC: send page-fault timeout";
	case L4_IPC_RERCVPFTO:
	case L4_IPC_SERCVPFTO:
		return "IPC: receive page-fault timeout";
	case L4_IPC_REABORTED:
		return "IPC: receive aborted";
	case L4_IPC_SEABORTED:
		return "IPC: send aborted";
	case L4_IPC_REMSGCUT:
		return "IPC: received message cut";
	case L4_IPC_SEMSGCUT:
		return "IPC: sent message cut";
	default:
		return "IPC: unknown error";
	}
}

char const *l4sys_errtostr(long err)
{
	if (err < 0)
		err = -err;
	if (err >= L4_EIPC_LO && err <= L4_EIPC_HI)
		return ipc_errtostr((unsigned long)(err - L4_EIPC_LO));

	switch (err) {
	case L4_EOK:
		return "OK";
	case L4_EPERM:
		return "Operation not permitted";
	case L4_ENOENT:
		return "No such entity";
	case L4_EIO:
		return "I/O error";
	case L4_ENXIO:
		return "No such device or address";
	case L4_E2BIG:
		return "Argument too big";
	case L4_EAGAIN:
		return "Try again";
	case L4_ENOMEM:
		return "Out of memory";
	case L4_EACCESS:
		return "Permission denied";
	case L4_EFAULT:
		return "Invalid address";
	case L4_EBUSY:
		return "Object busy";
	case L4_EEXIST:
		return "Already exists";
	case L4_ENODEV:
		return "No such thing";
	case L4_EINVAL:
		return "Invalid argument";
	case L4_ENOSPC:
		return "No space left";
	case L4_ERANGE:
		return "Out of range";
	case L4_ENAMETOOLONG:
		return "Name too long";
	case L4_ENOSYS:
		return "Operation not supported";
	case L4_EBADPROTO:
		return "Unsupported protocol";
	case L4_EADDRNOTAVAIL:
		return "Address not available";
	case L4_ENOREPLY:
		return "No reply";
	case L4_EMSGTOOSHORT:
		return "Message too short";
	case L4_EMSGTOOLONG:
		return "Message too long";
	case L4_EMSGMISSARG:
		return "Message misses argument";
	default:
		return "Unknown error";
	}
}
