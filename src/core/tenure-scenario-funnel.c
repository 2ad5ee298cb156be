/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The figures of a scenario for a month: enrolments, completion, step funnel, retention. */

#define G_LOG_DOMAIN "tenure-scenario"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "tenure-date.h"
#include "tenure-scenario-private.h"

/* A step that was never reached has this many days (the SQL's "infinity"). */
#define NOT_REACHED 1e8

/*
 * One row per enrolment started before the end of M and step of its scenario (one row with
 * a NULL step when the scenario has none): the days from the enrolment date to the first
 * time the step was done, counting only what happened before the end of M (METRICS.md
 * section 6: a step_done row, or an event matching the step's rule on or after the
 * enrolment date), and whether the account had MRR > 0 in the 12th month after its
 * enrolment month (section 1: a subscription counts in month T when
 * month(start) <= T < month(end), that is start < day 1 of T+1 <= end).
 *
 * Only the enrolments that count are read: those of the funnel's window (started on or
 * after ?4) and those old enough for the retention (started before ?3); the retention
 * is looked up once per enrolment, not once per step.
 */
static const char reach_sql[] =
  "WITH e AS MATERIALIZED ("
  "  SELECT account_id, scenario_id, started_on, "
  "    started_on < ?3 AND EXISTS (SELECT 1 FROM subscription b "
  "      WHERE b.account_id = enrolment.account_id AND b.mrr_cents > 0 "
  "        AND b.start_date < date(started_on, 'start of month', '+13 months') "
  "        AND (b.end_date IS NULL "
  "             OR b.end_date >= date(started_on, 'start of month', '+13 months'))) "
  "      AS retained "
  "  FROM enrolment "
  "  WHERE scenario_id = ?2 AND started_on < ?1 AND (started_on >= ?4 OR started_on < ?3)) "
  "SELECT e.account_id, e.started_on, s.id, "
  "  min(coalesce((SELECT julianday(d.done_on) FROM step_done d "
  "                WHERE d.account_id = e.account_id AND d.step_id = s.id "
  "                  AND d.done_on < ?1), 1e9), "
  "      coalesce((SELECT julianday(min(v.at)) FROM event v "
  "                WHERE s.done_when_event_kind IS NOT NULL "
  "                  AND v.account_id = e.account_id AND v.kind = s.done_when_event_kind "
  "                  AND (s.done_when_job_id IS NULL OR v.job_id = s.done_when_job_id) "
  "                  AND v.at >= e.started_on AND v.at < ?1), 1e9)) "
  "    - julianday(e.started_on), "
  "  e.retained "
  "FROM e LEFT JOIN step s ON s.scenario_id = e.scenario_id "
  "ORDER BY e.account_id, s.position, s.id";

static void
clear_step_stats (gpointer data)
{
  TenureStepStats *stats = data;

  g_free (stats->title);
}

void
tenure_scenario_stats_free (TenureScenarioStats *stats)
{
  if (stats == NULL)
    return;

  g_free (stats->name);
  g_free (stats->job_name);
  g_clear_pointer (&stats->steps, g_array_unref);
  g_free (stats);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median (mean of the two middle values for an even count), or NAN. */
static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return NAN;

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);

  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static double
percent (guint part,
         guint whole)
{
  return whole > 0 ? 100.0 * part / whole : NAN;
}

/* The state of one enrolment while its rows are read. */
typedef struct
{
  gboolean  in_window;
  gboolean  in_retention;
  gboolean  retained;
  GArray   *days;              /* per step index: days to reach it, or NOT_REACHED */
} Enrolment;

static void
finish_enrolment (TenureScenarioStats *stats,
                  const Enrolment     *enrolment,
                  GPtrArray           *step_days)
{
  gboolean complete = TRUE;

  /* Complete when every required step is done. */
  for (guint i = 0; i < stats->steps->len; i++)
    {
      TenureStepStats *step = &g_array_index (stats->steps, TenureStepStats, i);

      if (step->required && g_array_index (enrolment->days, double, i) >= NOT_REACHED)
        complete = FALSE;
    }

  if (enrolment->in_window)
    {
      stats->enrolments++;
      if (complete)
        stats->completed++;
      for (guint i = 0; i < stats->steps->len; i++)
        {
          TenureStepStats *step = &g_array_index (stats->steps, TenureStepStats, i);
          double days = g_array_index (enrolment->days, double, i);

          if (days < NOT_REACHED)
            {
              step->done++;
              g_array_append_val (g_ptr_array_index (step_days, i), days);
            }
        }
    }

  if (enrolment->in_retention)
    {
      if (complete)
        {
          stats->retention12_completed_base++;
          stats->retention12_completed += enrolment->retained ? 1 : 0;
        }
      else
        {
          stats->retention12_others_base++;
          stats->retention12_others += enrolment->retained ? 1 : 0;
        }
    }
}

/**
 * tenure_scenario_compute_stats:
 * @month: a TENURE_MONTH ()
 *
 * The figures of METRICS.md section 6 for one scenario at @month. The funnel and the
 * completion rate are over the enrolments started in the 3 months ending @month (M−2, M−1
 * and M); a step counts as done when it was done before the end of @month, so the figures
 * of a past month do not change when later data arrives. The median days are from the
 * enrolment date (00:00 UTC) to the moment the step was done (an event's timestamp, or
 * 00:00 UTC of a step_done date), over the enrolments that did it.
 *
 * The 12-month retention compares, among all the scenario's enrolments whose enrolment
 * month is at least 12 months before @month, those complete at the end of @month with the
 * others: the share with MRR > 0 in the 12th month after the enrolment month.
 */
TenureScenarioStats *
tenure_scenario_compute_stats (TenureDb  *db,
                               gint64     scenario_id,
                               int        month,
                               GError   **error)
{
  g_autoptr(TenureScenario) scenario = NULL;
  g_autoptr(TenureScenarioStats) stats = NULL;
  g_autoptr(GPtrArray) step_days = NULL;
  g_autoptr(GHashTable) step_index = NULL;
  g_autoptr(GArray) days = NULL;
  char end[TENURE_DATE_BUF];
  char window_start[TENURE_DATE_BUF];
  char retention_end[TENURE_DATE_BUF];
  Enrolment enrolment = { 0 };
  gint64 account_id = 0;
  gboolean have_enrolment = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  scenario = tenure_scenario_load (db, scenario_id, error);
  if (scenario == NULL)
    return NULL;

  stats = g_new0 (TenureScenarioStats, 1);
  stats->scenario_id = scenario_id;
  stats->name = g_strdup (scenario->name);
  stats->job_name = g_strdup (scenario->job_name);
  stats->active = scenario->active;
  stats->steps = g_array_sized_new (FALSE, TRUE, sizeof (TenureStepStats), scenario->steps->len);
  g_array_set_clear_func (stats->steps, clear_step_stats);
  step_days = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  step_index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < scenario->steps->len; i++)
    {
      TenureStep *step = g_ptr_array_index (scenario->steps, i);
      TenureStepStats step_stats = {
        .step_id = step->id,
        .position = step->position,
        .title = g_strdup (step->title),
        .kind = step->kind,
        .required = step->required,
        .day_offset = step->day_offset,
      };

      g_array_append_val (stats->steps, step_stats);
      g_ptr_array_add (step_days, g_array_new (FALSE, FALSE, sizeof (double)));
      g_hash_table_insert (step_index, &step->id, GUINT_TO_POINTER (i + 1));
    }

  tenure_date_format (tenure_month_first_day (month + 1), end);
  tenure_date_format (tenure_month_first_day (month - 2), window_start);
  tenure_date_format (tenure_month_first_day (month - 11), retention_end);

  stmt = tenure_db_prepare (db, reach_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, scenario_id);
  sqlite3_bind_text (stmt, 3, retention_end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, window_start, -1, SQLITE_TRANSIENT);

  days = g_array_sized_new (FALSE, FALSE, sizeof (double), scenario->steps->len);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_account = sqlite3_column_int64 (stmt, 0);
      gint64 step_id = sqlite3_column_int64 (stmt, 2);
      guint index;

      if (!have_enrolment || row_account != account_id)
        {
          const char *started_on = (const char *) sqlite3_column_text (stmt, 1);

          if (have_enrolment)
            finish_enrolment (stats, &enrolment, step_days);
          have_enrolment = TRUE;
          account_id = row_account;
          g_array_set_size (days, scenario->steps->len);
          for (guint i = 0; i < days->len; i++)
            g_array_index (days, double, i) = NOT_REACHED;
          enrolment = (Enrolment) {
            .in_window = g_strcmp0 (started_on, window_start) >= 0,
            .in_retention = g_strcmp0 (started_on, retention_end) < 0,
            .retained = sqlite3_column_int (stmt, 4) != 0,
            .days = days,
          };
        }

      index = GPOINTER_TO_UINT (g_hash_table_lookup (step_index, &step_id));
      if (index > 0 && sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          double value = sqlite3_column_double (stmt, 3);

          /* Whole seconds, so that medians print without binary noise. */
          if (value < NOT_REACHED)
            value = round (value * 86400.0) / 86400.0;
          g_array_index (days, double, index - 1) = value;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }
  if (have_enrolment)
    finish_enrolment (stats, &enrolment, step_days);

  stats->completion_pct = percent (stats->completed, stats->enrolments);
  stats->retention12_completed_pct = percent (stats->retention12_completed,
                                              stats->retention12_completed_base);
  stats->retention12_others_pct = percent (stats->retention12_others,
                                           stats->retention12_others_base);
  for (guint i = 0; i < stats->steps->len; i++)
    {
      TenureStepStats *step = &g_array_index (stats->steps, TenureStepStats, i);

      step->done_pct = percent (step->done, stats->enrolments);
      step->median_days = median (g_ptr_array_index (step_days, i));
    }

  return g_steal_pointer (&stats);
}

/* The figures of every scenario, by name. */
GPtrArray *
tenure_scenario_compute_all_stats (TenureDb      *db,
                                   int            month,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db, "SELECT id FROM scenario ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) tenure_scenario_stats_free);
  for (guint i = 0; i < ids->len; i++)
    {
      TenureScenarioStats *stats;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      stats = tenure_scenario_compute_stats (db, g_array_index (ids, gint64, i), month, error);
      if (stats == NULL)
        return NULL;
      g_ptr_array_add (result, stats);
    }

  return g_steal_pointer (&result);
}
