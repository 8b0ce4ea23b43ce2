// SPDX-License-Identifier: MIT
/*
 * The printf formatting engine shared by snprintf() and printf(): walks the
 * format once and hands every produced character to an output callback, so
 * neither caller needs a large intermediate buffer.
 */
#include <l4/util/printf.h>

#include <stdbool.h>
#include <stdint.h>

struct spec {
	bool left;  /* '-' */
	bool zero;  /* '0' */
	bool plus;  /* '+' */
	bool space; /* ' ' */
	bool alt;   /* '#' */
	int width;
	int prec; /* -1: none */
};

struct sink {
	l4util_out_fn out;
	void *ctx;
	int count;
};

static void emit(struct sink *s, char c)
{
	s->out(s->ctx, c);
	s->count++;
}

static void pad(struct sink *s, char c, int n)
{
	while (n-- > 0)
		emit(s, c);
}

/* Digits of v in base, least significant first; returns how many. */
static int to_digits(char *buf, uintmax_t v, unsigned base, bool upper)
{
	const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	do {
		buf[n++] = dig[v % base];
		v /= base;
	} while (v);
	return n;
}

static void put_number(struct sink *s, const struct spec *sp, uintmax_t v, bool neg, unsigned base,
		       bool upper, const char *prefix)
{
	char digits[24];
	int nd = to_digits(digits, v, base, upper);
	int zeros = 0, len, plen = 0;
	char sign = 0;

	/* C: precision 0 and value 0 print no digits at all. */
	if (sp->prec == 0 && v == 0)
		nd = 0;
	if (sp->prec > nd)
		zeros = sp->prec - nd;
	if (neg)
		sign = '-';
	else if (sp->plus)
		sign = '+';
	else if (sp->space)
		sign = ' ';
	if (!prefix)
		prefix = "";
	while (prefix[plen])
		plen++;
	len = nd + zeros + plen + (sign ? 1 : 0);
	/* '0' only pads when there is no precision and no left justification. */
	if (sp->zero && !sp->left && sp->prec < 0 && sp->width > len) {
		zeros += sp->width - len;
		len = sp->width;
	}
	if (!sp->left)
		pad(s, ' ', sp->width - len);
	if (sign)
		emit(s, sign);
	for (int i = 0; i < plen; i++)
		emit(s, prefix[i]);
	pad(s, '0', zeros);
	while (nd-- > 0)
		emit(s, digits[nd]);
	if (sp->left)
		pad(s, ' ', sp->width - len);
}

static void put_string(struct sink *s, const struct spec *sp, const char *str)
{
	int len = 0;

	if (!str)
		str = "(null)";
	while (str[len] && (sp->prec < 0 || len < sp->prec))
		len++;
	if (!sp->left)
		pad(s, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		emit(s, str[i]);
	if (sp->left)
		pad(s, ' ', sp->width - len);
}

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE, LEN_MAX };

static const char *parse_length(const char *f, enum length *len)
{
	*len = LEN_INT;
	switch (*f) {
	case 'h':
		*len = LEN_SHORT;
		if (f[1] == 'h') {
			*len = LEN_CHAR;
			f++;
		}
		return f + 1;
	case 'l':
		*len = LEN_LONG;
		if (f[1] == 'l') {
			*len = LEN_LLONG;
			f++;
		}
		return f + 1;
	case 'z':
	case 't':
		*len = LEN_SIZE;
		return f + 1;
	case 'j':
		*len = LEN_MAX;
		return f + 1;
	default:
		return f;
	}
}

static intmax_t get_signed(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_CHAR:
		return (signed char)va_arg(*ap, int);
	case LEN_SHORT:
		return (short)va_arg(*ap, int);
	case LEN_LONG:
		return va_arg(*ap, long);
	case LEN_LLONG:
		return va_arg(*ap, long long);
	case LEN_SIZE:
		return (intmax_t)va_arg(*ap, long); /* ssize_t/ptrdiff_t: long on LP64 */
	case LEN_MAX:
		return va_arg(*ap, intmax_t);
	default:
		return va_arg(*ap, int);
	}
}

static uintmax_t get_unsigned(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_CHAR:
		return (unsigned char)va_arg(*ap, unsigned);
	case LEN_SHORT:
		return (unsigned short)va_arg(*ap, unsigned);
	case LEN_LONG:
		return va_arg(*ap, unsigned long);
	case LEN_LLONG:
		return va_arg(*ap, unsigned long long);
	case LEN_SIZE:
		return va_arg(*ap, size_t);
	case LEN_MAX:
		return va_arg(*ap, uintmax_t);
	default:
		return va_arg(*ap, unsigned);
	}
}

/* Flags, width and precision; returns the position after them. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .prec = -1 };
	for (;; f++) {
		if (*f == '-')
			sp->left = true;
		else if (*f == '0')
			sp->zero = true;
		else if (*f == '+')
			sp->plus = true;
		else if (*f == ' ')
			sp->space = true;
		else if (*f == '#')
			sp->alt = true;
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		f++;
	} else {
		while (*f >= '0' && *f <= '9')
			sp->width = sp->width * 10 + (*f++ - '0');
	}
	if (*f == '.') {
		f++;
		sp->prec = 0;
		if (*f == '*') {
			sp->prec = va_arg(*ap, int);
			if (sp->prec < 0)
				sp->prec = -1;
			f++;
		} else {
			while (*f >= '0' && *f <= '9')
				sp->prec = sp->prec * 10 + (*f++ - '0');
		}
	}
	return f;
}

int l4util_vformat(l4util_out_fn out, void *ctx, const char *fmt, va_list ap_in)
{
	struct sink s = { out, ctx, 0 };
	va_list ap;

	/* A copy lets the helpers take the va_list by pointer portably. */
	va_copy(ap, ap_in);
	while (*fmt) {
		struct spec sp;
		enum length len;
		intmax_t sv;
		uintmax_t uv;

		if (*fmt != '%') {
			emit(&s, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &ap);
		fmt = parse_length(fmt, &len);
		switch (*fmt) {
		case 'd':
		case 'i':
			sv = get_signed(&ap, len);
			uv = sv < 0 ? (uintmax_t)0 - (uintmax_t)sv : (uintmax_t)sv;
			put_number(&s, &sp, uv, sv < 0, 10, false, NULL);
			break;
		case 'u':
			put_number(&s, &sp, get_unsigned(&ap, len), false, 10, false, NULL);
			break;
		case 'x':
		case 'X':
			uv = get_unsigned(&ap, len);
			put_number(&s, &sp, uv, false, 16, *fmt == 'X',
				   sp.alt && uv ? (*fmt == 'X' ? "0X" : "0x") : NULL);
			break;
		case 'o':
			uv = get_unsigned(&ap, len);
			put_number(&s, &sp, uv, false, 8, false, sp.alt && uv ? "0" : NULL);
			break;
		case 'p':
			sp.plus = sp.space = false;
			put_number(&s, &sp, (uintptr_t)va_arg(ap, void *), false, 16, false, "0x");
			break;
		case 's':
			put_string(&s, &sp, va_arg(ap, const char *));
			break;
		case 'c': {
			char c[2] = { (char)va_arg(ap, int), 0 };

			sp.prec = -1;
			if (!sp.left)
				pad(&s, ' ', sp.width - 1);
			emit(&s, c[0]);
			if (sp.left)
				pad(&s, ' ', sp.width - 1);
			break;
		}
		case '%':
			emit(&s, '%');
			break;
		case '\0':
			/* A lone '%' at the end: print nothing more. */
			va_end(ap);
			return s.count;
		default:
			/* Unknown conversion: show it rather than hide the bug. */
			emit(&s, '%');
			emit(&s, *fmt);
			break;
		}
		fmt++;
	}
	va_end(ap);
	return s.count;
}
