/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Calendar arithmetic on plain integers, so that metrics never depend on the local time zone. */

#define G_LOG_DOMAIN "tenure-date"

#include "config.h"

#include <string.h>

#include "tenure-date.h"

/* Howard Hinnant's civil calendar algorithms (proleptic Gregorian, any year). */
gint32
tenure_days_from_civil (int year,
                        int month,
                        int day)
{
  int era;
  unsigned yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = (unsigned) (year - era * 400);
  doy = (153 * (unsigned) (month > 2 ? month - 3 : month + 9) + 2) / 5 + (unsigned) day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + (gint32) doe - 719468;
}

void
tenure_civil_from_days (gint32  days,
                        int    *year,
                        int    *month,
                        int    *day)
{
  gint32 z = days + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned) (z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  int y = (int) yoe + era * 400 + (m <= 2);

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = (int) m;
  if (day != NULL)
    *day = (int) d;
}

int
tenure_days_in_month (int year,
                      int month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  return month == 2 && leap ? 29 : days[month - 1];
}

gboolean
tenure_date_is_valid (int year,
                      int month,
                      int day)
{
  return year >= 1 && year <= 9999 &&
         month >= 1 && month <= 12 &&
         day >= 1 && day <= tenure_days_in_month (year, month);
}

static gboolean
parse_digits (const char *text,
              int         count,
              int        *value)
{
  int v = 0;

  for (int i = 0; i < count; i++)
    {
      if (text[i] < '0' || text[i] > '9')
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }

  *value = v;
  return TRUE;
}

/* Strict ISO date: exactly "YYYY-MM-DD". */
gboolean
tenure_date_parse (const char *text,
                   gint32     *days)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) ||
      !parse_digits (text + 8, 2, &d))
    return FALSE;
  if (!tenure_date_is_valid (y, m, d))
    return FALSE;

  if (days != NULL)
    *days = tenure_days_from_civil (y, m, d);
  return TRUE;
}

void
tenure_date_format (gint32 days,
                    char   buf[TENURE_DATE_BUF])
{
  int y, m, d;

  tenure_civil_from_days (days, &y, &m, &d);
  g_snprintf (buf, TENURE_DATE_BUF, "%04d-%02d-%02d", y, m, d);
}

/* Strict "YYYY-MM" with a month between 01 and 12. */
gboolean
tenure_month_parse (const char *text,
                    int        *month)
{
  int y, m;

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m))
    return FALSE;
  if (y < 1 || m < 1 || m > 12)
    return FALSE;

  if (month != NULL)
    *month = TENURE_MONTH (y, m);
  return TRUE;
}

void
tenure_month_format (int  month,
                     char buf[TENURE_MONTH_BUF])
{
  g_snprintf (buf, TENURE_MONTH_BUF, "%04d-%02d",
              TENURE_MONTH_YEAR (month), TENURE_MONTH_MON (month));
}

int
tenure_month_of_day (gint32 days)
{
  int y, m;

  tenure_civil_from_days (days, &y, &m, NULL);
  return TENURE_MONTH (y, m);
}

gint32
tenure_month_first_day (int month)
{
  return tenure_days_from_civil (TENURE_MONTH_YEAR (month), TENURE_MONTH_MON (month), 1);
}

/* The last month that has ended by @now (UTC): in November, October. */
int
tenure_month_last_full (GDateTime *now)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

  return TENURE_MONTH (g_date_time_get_year (utc), g_date_time_get_month (utc)) - 1;
}

/* "YYYY-MM-DD", "YYYY-MM-DD[T ]HH:MM[:SS[.fff…]]" with an optional "Z" or "±HH[:]MM"
 * offset; the result is seconds since the epoch in UTC. */
gboolean
tenure_timestamp_parse (const char *text,
                        gint64     *seconds)
{
  gint32 days;
  int h = 0, mi = 0, s = 0;
  gint64 offset = 0;
  char date[TENURE_DATE_BUF];
  const char *p;

  if (text == NULL || strlen (text) < 10)
    return FALSE;

  memcpy (date, text, 10);
  date[10] = '\0';
  if (!tenure_date_parse (date, &days))
    return FALSE;

  p = text + 10;
  if (*p == 'T' || *p == ' ')
    {
      p++;
      if (!parse_digits (p, 2, &h) || p[2] != ':' || !parse_digits (p + 3, 2, &mi))
        return FALSE;
      p += 5;
      if (*p == ':')
        {
          if (!parse_digits (p + 1, 2, &s))
            return FALSE;
          p += 3;
          if (*p == '.' || *p == ',')
            {
              p++;
              if (*p < '0' || *p > '9')
                return FALSE;
              while (*p >= '0' && *p <= '9')
                p++;
            }
        }
      if (h > 23 || mi > 59 || s > 60)
        return FALSE;

      if (*p == 'Z' || *p == 'z')
        p++;
      else if (*p == '+' || *p == '-')
        {
          int oh, om = 0;
          int sign = *p == '-' ? -1 : 1;

          p++;
          if (!parse_digits (p, 2, &oh))
            return FALSE;
          p += 2;
          if (*p == ':')
            p++;
          if (*p != '\0')
            {
              if (!parse_digits (p, 2, &om))
                return FALSE;
              p += 2;
            }
          if (oh > 23 || om > 59)
            return FALSE;
          offset = sign * (oh * 3600 + om * 60);
        }
    }

  if (*p != '\0')
    return FALSE;

  if (seconds != NULL)
    *seconds = (gint64) days * 86400 + h * 3600 + mi * 60 + s - offset;
  return TRUE;
}

void
tenure_timestamp_format (gint64 seconds,
                         char   buf[TENURE_TIMESTAMP_BUF])
{
  gint64 days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  gint64 rest = seconds - days * 86400;
  int y, m, d;

  tenure_civil_from_days ((gint32) days, &y, &m, &d);
  g_snprintf (buf, TENURE_TIMESTAMP_BUF, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
              (int) (rest / 3600), (int) (rest / 60 % 60), (int) (rest % 60));
}
