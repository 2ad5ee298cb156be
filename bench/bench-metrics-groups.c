/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the groups side by side of each kind against the unfiltered figures of the month. */

#include "config.h"

#include <stdio.h>

#include "tenure-date.h"
#include "tenure-metrics-groups.h"

/* The best of @runs runs, in seconds: tenure_metrics_compute() when @kind is
 * TENURE_FILTER_NONE, tenure_metrics_compare_groups() otherwise. */
static double
best_time (TenureDb          *db,
           guint              runs,
           int                month,
           TenureFilterKind   kind,
           guint             *n_groups,
           GError           **error)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < runs; run++)
    {
      gint64 start = g_get_monotonic_time ();

      if (kind == TENURE_FILTER_NONE)
        {
          g_autoptr(TenureMetrics) metrics = tenure_metrics_compute (db, month, NULL, NULL,
                                                                     error);

          if (metrics == NULL)
            return -1;
          *n_groups = 1;
        }
      else
        {
          g_autoptr(GPtrArray) groups = tenure_metrics_compare_groups (db, month, kind, NULL,
                                                                       error);

          if (groups == NULL)
            return -1;
          *n_groups = groups->len;
        }
      best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
    }

  return best;
}

int
main (int    argc,
      char **argv)
{
  static const struct
  {
    TenureFilterKind  kind;
    const char       *name;
  } cases[] = {
    { TENURE_FILTER_NONE, "compute" },
    { TENURE_FILTER_SEGMENT, "segment" },
    { TENURE_FILTER_PLAN, "plan" },
    { TENURE_FILTER_CHANNEL, "channel" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureDb) db = NULL;
  const char *runs_text = g_getenv ("TENURE_BENCH_RUNS");
  guint runs = runs_text != NULL ? (guint) g_ascii_strtoull (runs_text, NULL, 10) : 3;
  int month;

  if (argc != 3 || !tenure_month_parse (argv[2], &month) || runs == 0)
    {
      fprintf (stderr, "Usage: %s WORKSPACE YYYY-MM\n", argv[0]);
      return 2;
    }

  db = tenure_db_open (argv[1], TENURE_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  /* One line per case: its name, how many groups, the best time in seconds. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n_groups = 0;
      double seconds = best_time (db, runs, month, cases[i].kind, &n_groups, &error);

      if (seconds < 0)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("%s %u %.4f\n", cases[i].name, n_groups, seconds);
    }

  return 0;
}
