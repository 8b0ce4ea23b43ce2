// SPDX-License-Identifier: MIT
/*
 * The RTC library functions of drivers/rtc/lib.c: calendar arithmetic on
 * struct rtc_time.  Days <-> civil date by the era-based algorithm (400
 * year cycles of 146097 days), valid for any time64_t an RTC holds.
 */
#include <linux/rtc.h>

static const unsigned char rtc_days_in_month[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

static const unsigned short rtc_ydays[2][13] = {
	{ 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 },
	{ 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 },
};

int rtc_month_days(unsigned int month, unsigned int year)
{
	return rtc_days_in_month[month] + (is_leap_year(year) && month == 1);
}

int rtc_year_days(unsigned int day, unsigned int month, unsigned int year)
{
	return rtc_ydays[is_leap_year(year)][month] + day - 1;
}

static s64 floor_div(s64 a, s64 b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

void rtc_time64_to_tm(time64_t time, struct rtc_time *tm)
{
	s64 days = floor_div(time, 86400);
	s64 secs = time - days * 86400;
	s64 z = days + 719468, era = floor_div(z, 146097);
	s64 doe = z - era * 146097;
	s64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	s64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	s64 mp = (5 * doy + 2) / 153;
	int mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	int mon = (int)(mp < 10 ? mp + 3 : mp - 9); /* 1..12 */
	s64 year = yoe + era * 400 + (mon <= 2);
	s64 wday = (days + 4) % 7; /* 1970-01-01 was a Thursday */

	tm->tm_year = (int)(year - 1900);
	tm->tm_mon = mon - 1;
	tm->tm_mday = mday;
	tm->tm_yday = rtc_year_days(mday, mon - 1, (unsigned int)year);
	tm->tm_wday = (int)(wday < 0 ? wday + 7 : wday);
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs % 3600 / 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_isdst = 0;
}

time64_t rtc_tm_to_time64(struct rtc_time *tm)
{
	s64 y = (s64)tm->tm_year + 1900;
	s64 m = tm->tm_mon + 1;
	s64 era, yoe, doy, doe;

	y -= m <= 2;
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + tm->tm_mday - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468) * 86400 + tm->tm_hour * 3600 + tm->tm_min * 60 +
	       tm->tm_sec;
}

int rtc_valid_tm(struct rtc_time *tm)
{
	if (tm->tm_year < 70 || tm->tm_year > (INT_MAX - 1900) ||
	    ((unsigned int)tm->tm_mon) >= 12 || tm->tm_mday < 1 ||
	    tm->tm_mday > rtc_month_days(tm->tm_mon, ((unsigned int)tm->tm_year + 1900)) ||
	    ((unsigned int)tm->tm_hour) >= 24 || ((unsigned int)tm->tm_min) >= 60 ||
	    ((unsigned int)tm->tm_sec) >= 60)
		return -EINVAL;
	return 0;
}
