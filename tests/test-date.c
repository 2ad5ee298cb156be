/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Calendar arithmetic: round trips, leap years, strict parsing, time zone offsets. */

#include "config.h"

#include "tenure-date.h"

static void
test_civil_round_trip (void)
{
  char buf[TENURE_DATE_BUF];

  g_assert_cmpint (tenure_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (tenure_days_from_civil (2000, 3, 1), ==, 11017);

  for (gint32 days = -800000; days <= 800000; days += 37)
    {
      int y, m, d;

      tenure_civil_from_days (days, &y, &m, &d);
      g_assert_true (tenure_date_is_valid (y, m, d) || y < 1);
      g_assert_cmpint (tenure_days_from_civil (y, m, d), ==, days);
    }

  tenure_date_format (tenure_days_from_civil (2028, 2, 29), buf);
  g_assert_cmpstr (buf, ==, "2028-02-29");
}

static void
test_leap_years (void)
{
  g_assert_cmpint (tenure_days_in_month (2024, 2), ==, 29);
  g_assert_cmpint (tenure_days_in_month (2026, 2), ==, 28);
  g_assert_cmpint (tenure_days_in_month (1900, 2), ==, 28);
  g_assert_cmpint (tenure_days_in_month (2000, 2), ==, 29);
  g_assert_true (tenure_date_parse ("2024-02-29", NULL));
  g_assert_false (tenure_date_parse ("2026-02-29", NULL));
  g_assert_cmpint (tenure_days_from_civil (2024, 3, 1) - tenure_days_from_civil (2024, 2, 1),
                   ==, 29);
}

static void
test_date_parse_strict (void)
{
  const char *bad[] = { "", "2026-1-01", "2026-13-01", "2026-00-10", "2026-04-31",
                        "26-04-01", "2026-04-01x", "2026/04/01", "abcd-ef-gh" };
  gint32 days;

  g_assert_true (tenure_date_parse ("2026-04-15", &days));
  g_assert_cmpint (days, ==, tenure_days_from_civil (2026, 4, 15));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (tenure_date_parse (bad[i], NULL));
}

static void
test_month (void)
{
  char buf[TENURE_MONTH_BUF];
  int month;

  g_assert_true (tenure_month_parse ("2026-01", &month));
  g_assert_cmpint (month, ==, 2026 * 12);
  g_assert_cmpint (TENURE_MONTH_YEAR (month - 1), ==, 2025);
  g_assert_cmpint (TENURE_MONTH_MON (month - 1), ==, 12);
  tenure_month_format (month - 1, buf);
  g_assert_cmpstr (buf, ==, "2025-12");
  g_assert_false (tenure_month_parse ("2026-13", NULL));
  g_assert_false (tenure_month_parse ("2026-00", NULL));
  g_assert_false (tenure_month_parse ("2026-1", NULL));
  g_assert_false (tenure_month_parse ("2026-01-01", NULL));
  g_assert_cmpint (tenure_month_of_day (tenure_days_from_civil (2026, 3, 31)), ==,
                   TENURE_MONTH (2026, 3));
  g_assert_cmpint (tenure_month_first_day (TENURE_MONTH (2026, 3)), ==,
                   tenure_days_from_civil (2026, 3, 1));
}

static void
test_last_full_month (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 15, 10, 0, 0);

  g_assert_cmpint (tenure_month_last_full (now), ==, TENURE_MONTH (2025, 12));
}

static void
test_timestamp (void)
{
  char buf[TENURE_TIMESTAMP_BUF];
  gint64 s;

  g_assert_true (tenure_timestamp_parse ("2026-04-01", &s));
  g_assert_cmpint (s, ==, (gint64) tenure_days_from_civil (2026, 4, 1) * 86400);
  g_assert_true (tenure_timestamp_parse ("2019-11-01 08:51:12.402", &s));
  tenure_timestamp_format (s, buf);
  g_assert_cmpstr (buf, ==, "2019-11-01T08:51:12Z");
  g_assert_true (tenure_timestamp_parse ("2026-04-01T01:30:00+02:00", &s));
  tenure_timestamp_format (s, buf);
  g_assert_cmpstr (buf, ==, "2026-03-31T23:30:00Z");
  g_assert_true (tenure_timestamp_parse ("2026-04-01T23:00Z", &s));
  g_assert_true (tenure_timestamp_parse ("2026-04-01T23:00:00-0530", &s));
  tenure_timestamp_format (s, buf);
  g_assert_cmpstr (buf, ==, "2026-04-02T04:30:00Z");
  g_assert_false (tenure_timestamp_parse ("2026-04-01T24:00:00", NULL));
  g_assert_false (tenure_timestamp_parse ("2026-04-01T10", NULL));
  g_assert_false (tenure_timestamp_parse ("2026-04-01 10:00:00 extra", NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/civil-round-trip", test_civil_round_trip);
  g_test_add_func ("/date/leap-years", test_leap_years);
  g_test_add_func ("/date/parse-strict", test_date_parse_strict);
  g_test_add_func ("/date/month", test_month);
  g_test_add_func ("/date/last-full-month", test_last_full_month);
  g_test_add_func ("/date/timestamp", test_timestamp);

  return g_test_run ();
}
