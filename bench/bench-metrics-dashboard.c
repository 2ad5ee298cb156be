/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the dashboard computes for a month: the 13-month series and the month's figures. */

#include "config.h"

#include <stdio.h>

#include "tenure-date.h"
#include "tenure-metrics.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(TenureMetrics) metrics = NULL;
  int month;

  if (argc != 3 || !tenure_month_parse (argv[2], &month))
    {
      fprintf (stderr, "Usage: %s WORKSPACE YYYY-MM\n", argv[0]);
      return 2;
    }

  db = tenure_db_open (argv[1], TENURE_DB_OPEN_READ_ONLY, &error);
  if (db != NULL)
    metrics = tenure_metrics_compute_with_series (db, month, 13, NULL, NULL, NULL, NULL,
                                                  &error);
  if (metrics == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", metrics->series->months[0].mrr_cents,
          metrics->figures.mrr_cents);
  return 0;
}
