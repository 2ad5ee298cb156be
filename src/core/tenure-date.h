/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Calendar arithmetic on plain integers: days since 1970-01-01 and month indexes. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A month is year * 12 + (month - 1): 2026-01 is 24312. */
#define TENURE_MONTH(year, mon) ((year) * 12 + ((mon) - 1))
#define TENURE_MONTH_YEAR(month) ((month) / 12)
#define TENURE_MONTH_MON(month) ((month) % 12 + 1)

/* Room for "YYYY-MM-DD" and its NUL; "YYYY-MM-DDTHH:MM:SSZ" and its NUL. */
#define TENURE_DATE_BUF 11
#define TENURE_MONTH_BUF 8
#define TENURE_TIMESTAMP_BUF 21

gint32   tenure_days_from_civil        (int          year,
                                        int          month,
                                        int          day);
void     tenure_civil_from_days        (gint32       days,
                                        int         *year,
                                        int         *month,
                                        int         *day);
gboolean tenure_date_is_valid          (int          year,
                                        int          month,
                                        int          day);
int      tenure_days_in_month          (int          year,
                                        int          month);

gboolean tenure_date_parse             (const char  *text,
                                        gint32      *days);
void     tenure_date_format            (gint32       days,
                                        char         buf[TENURE_DATE_BUF]);

gboolean tenure_month_parse            (const char  *text,
                                        int         *month);
void     tenure_month_format           (int          month,
                                        char         buf[TENURE_MONTH_BUF]);
int      tenure_month_of_day           (gint32       days);
gint32   tenure_month_first_day        (int          month);
int      tenure_month_last_full        (GDateTime   *now);

gboolean tenure_timestamp_parse        (const char  *text,
                                        gint64      *seconds);
void     tenure_timestamp_format       (gint64       seconds,
                                        char         buf[TENURE_TIMESTAMP_BUF]);

G_END_DECLS
