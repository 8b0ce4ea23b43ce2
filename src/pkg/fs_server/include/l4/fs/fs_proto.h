/* SPDX-License-Identifier: MIT */
/*
 * The file protocol of fs_server (docs/fs.md): what a client (l4re-libc's
 * fs_client.c backend, or any program) and the server agree on.  Two kinds
 * of objects, both IPC gates to the server:
 *
 *   volume  (L4REC_PROTO_FS)    the capability a program gets as global_fs
 *           (or lsb_root): open, mkdir, unlink, rename by path.
 *   file    (L4REC_PROTO_FILE)  what OPEN hands out, one gate per open:
 *           read, write, stat, readdir, fsync, truncate, close.
 *
 * Conventions are moe's (docs/runtime.md): tag label = protocol, mr0 =
 * opcode, arguments in the following words; reply tag label = result (0,
 * a positive count, or a negative error), result words from mr0.  Errors
 * are negative Linux errno values, which equal L4Re's L4_E* wherever L4Re
 * defines one (ENOENT, EEXIST, ENOSPC, ...).  Strings are a byte count
 * word, then the bytes packed into the following words (no NUL).
 *
 * File data travels in the message registers up to L4REC_FS_INLINE_MAX
 * bytes per call; larger transfers go through a dataspace the client
 * passes with OPEN (its "transfer buffer"), which the server attaches.
 * Positions are always explicit: the server keeps no file offset.
 */
#ifndef L4_FS_FS_PROTO_H
#define L4_FS_FS_PROTO_H

/* Protocol ids (tag labels), after L4Re's own 0x40xx range. */
#define L4REC_PROTO_FS 0x4110
#define L4REC_PROTO_FILE 0x4111

/* Volume opcodes (mr0). */
enum l4rec_fs_op {
	/* mr1 flags (Linux O_*), mr2 mode, then the path string; optional
	 * item: the transfer buffer dataspace.  Client br[0] = slot |
	 * L4_RCV_ITEM_SINGLE_CAP.  Reply 0, words 2: mr0 file type (S_IFMT
	 * bits), mr1 size; item: the file gate (W right iff opened for
	 * writing). */
	L4REC_FS_OPEN = 0,
	/* mr1 mode, then the path string. */
	L4REC_FS_MKDIR = 1,
	/* mr1 flags (L4REC_FS_UNLINK_DIR: rmdir), then the path string. */
	L4REC_FS_UNLINK = 2,
	/* mr1 length of the old path, mr2 length of the new path, then both
	 * paths' bytes back to back from mr3. */
	L4REC_FS_RENAME = 3,
};

#define L4REC_FS_UNLINK_DIR 1u

/* File opcodes (mr0). */
enum l4rec_file_op {
	/* mr1 offset, mr2 count (<= INLINE_MAX).  Reply label = bytes read,
	 * the bytes from mr0. */
	L4REC_FILE_READ = 0,
	/* mr1 offset, mr2 count (<= INLINE_MAX), the bytes from mr3.  Reply
	 * label = bytes written. */
	L4REC_FILE_WRITE = 1,
	/* mr1 offset, mr2 count, mr3 offset in the transfer buffer; data in
	 * the buffer.  Reply label = bytes transferred. */
	L4REC_FILE_READ_BUF = 2,
	L4REC_FILE_WRITE_BUF = 3,
	/* Reply words L4REC_FS_STAT_WORDS (enum l4rec_fs_stat_word). */
	L4REC_FILE_STAT = 4,
	/* mr1 cookie (0: from the start).  Reply label = number of entries,
	 * words: per entry [ino][next cookie][type | namelen << 8][name
	 * packed in ceil(namelen / 8) words]. */
	L4REC_FILE_READDIR = 5,
	/* Make the file's data and all metadata durable (also flushes the
	 * volume's bitmaps and superblock). */
	L4REC_FILE_FSYNC = 6,
	/* mr1 new size. */
	L4REC_FILE_TRUNCATE = 7,
	/* The gate is deleted; the client releases its slot. */
	L4REC_FILE_CLOSE = 8,
};

enum l4rec_fs_stat_word {
	L4REC_FS_STAT_MODE,
	L4REC_FS_STAT_INO,
	L4REC_FS_STAT_NLINK,
	L4REC_FS_STAT_SIZE,
	L4REC_FS_STAT_BLOCKS, /* 512-byte units */
	L4REC_FS_STAT_BLKSIZE,
	L4REC_FS_STAT_UID,
	L4REC_FS_STAT_GID,
	L4REC_FS_STAT_ATIME,
	L4REC_FS_STAT_MTIME,
	L4REC_FS_STAT_CTIME,
	L4REC_FS_STAT_WORDS
};

/* Most data bytes in the registers: 63 MRs minus opcode, offset, count. */
#define L4REC_FS_INLINE_MAX 480u
/* Longest path of OPEN/MKDIR/UNLINK; RENAME: both together <= 480. */
#define L4REC_FS_PATH_MAX 255u
#define L4REC_FS_RENAME_MAX 480u
/* Longest name in a directory (ext4's). */
#define L4REC_FS_NAME_MAX 255u

/* Labels of the server's gates: object id << 4, low bits the rights. */
#define L4REC_FS_LABEL_SHIFT 4

#endif /* L4_FS_FS_PROTO_H */
