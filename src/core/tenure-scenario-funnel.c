/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The figures of a scenario for a month: enrolments, completion, step funnel, retention. */

#define G_LOG_DOMAIN "tenure-scenario"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tenure-date.h"
#include "tenure-scenario-private.h"

/* A step that was never reached has this many days. */
#define NOT_REACHED 1e8

#define SECONDS_PER_DAY 86400

/*
 * The enrolments that count, in account order: those started before the end of M (?1)
 * and either in the funnel's window (started on or after ?4) or old enough for the
 * 12-month retention (started before ?3), with whether the account had MRR > 0 in the
 * 12th month after its enrolment month (METRICS.md section 1: a subscription counts in
 * month T when month(start) <= T < month(end), that is start < day 1 of T+1 <= end).
 */
static const char enrolments_sql[] =
  "SELECT account_id, started_on, "
  "  started_on < ?3 AND EXISTS (SELECT 1 FROM subscription b "
  "    WHERE b.account_id = enrolment.account_id AND b.mrr_cents > 0 "
  "      AND b.start_date < date(started_on, 'start of month', '+13 months') "
  "      AND (b.end_date IS NULL "
  "           OR b.end_date >= date(started_on, 'start of month', '+13 months'))) "
  "FROM enrolment "
  "WHERE scenario_id = ?2 AND started_on < ?1 AND (started_on >= ?4 OR started_on < ?3) "
  "ORDER BY account_id";

/* The scenario's steps marked done before the end of M (?1), in account order. */
static const char marks_sql[] =
  "SELECT account_id, step_id, done_on FROM step_done "
  "WHERE done_on < ?1 AND step_id IN (SELECT id FROM step WHERE scenario_id = ?2) "
  "ORDER BY account_id";

/* One account's events from its enrolment date (?2) to the end of M (?3), oldest first:
 * the event_account_at index gives them in this order, and the first event matching a
 * step's rule is the moment the rule was met. */
static const char events_sql[] =
  "SELECT at, kind, job_id FROM event "
  "WHERE account_id = ?1 AND at >= ?2 AND at < ?3 ORDER BY at";

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

/* What one step asks of an enrolment, and how far the search for it has come. */
typedef struct
{
  const char *event_kind;      /* the "done when" rule, or NULL: done only when marked */
  gint64      job_id;          /* 0: any job */
  gboolean    required;
  gboolean    marked;          /* a step_done row dated before the end of M */
  gint32      marked_day;
  char        marked_on[TENURE_DATE_BUF];
  gboolean    pending;         /* its rule is still looked for among the events */
} StepRule;

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

/* The step_done rows, read alongside the enrolments: both come in account order. */
typedef struct
{
  sqlite3_stmt *stmt;
  int           rc;            /* of the last sqlite3_step () */
  GHashTable   *step_index;    /* step id → index + 1 */
} MarkCursor;

/* Records the marks of @account_id in @rules, passing over those of earlier accounts. */
static void
read_marks (MarkCursor *marks,
            gint64      account_id,
            StepRule   *rules)
{
  while (marks->rc == SQLITE_ROW)
    {
      gint64 row_account = sqlite3_column_int64 (marks->stmt, 0);
      gint64 step_id = sqlite3_column_int64 (marks->stmt, 1);
      const char *done_on = (const char *) sqlite3_column_text (marks->stmt, 2);
      StepRule *rule;
      guint index;

      if (row_account > account_id)
        return;
      index = GPOINTER_TO_UINT (g_hash_table_lookup (marks->step_index, &step_id));
      rule = index > 0 ? &rules[index - 1] : NULL;
      if (row_account == account_id && rule != NULL &&
          tenure_date_parse (done_on, &rule->marked_day))
        {
          rule->marked = TRUE;
          tenure_date_format (rule->marked_day, rule->marked_on);
        }
      marks->rc = sqlite3_step (marks->stmt);
    }
}

/*
 * METRICS.md section 6: a step is done when a step_done row exists or when its rule
 * matches an event of the account on or after the enrolment date; the days count to the
 * earlier of the two (an event's timestamp, or 00:00 UTC of the step_done date). Every
 * step's rule is evaluated at once over the account's events, oldest first, and the
 * events stop being read as soon as no step the figures need is pending: every step for
 * an enrolment of the funnel's window, the required ones for an enrolment that only counts
 * in the retention.
 */
static gboolean
reach_steps (TenureDb         *db,
             sqlite3_stmt     *events,
             gint64            account_id,
             const char       *started_on,
             const char       *end,
             StepRule         *rules,
             const Enrolment  *enrolment,
             GError          **error)
{
  GArray *days = enrolment->days;
  gint32 start_day;
  guint pending = 0;
  int rc = SQLITE_DONE;

  for (guint i = 0; i < days->len; i++)
    g_array_index (days, double, i) = NOT_REACHED;
  if (!tenure_date_parse (started_on, &start_day))
    return TRUE;

  for (guint i = 0; i < days->len; i++)
    {
      StepRule *rule = &rules[i];
      gboolean needed = enrolment->in_window || (enrolment->in_retention && rule->required);

      if (rule->marked)
        g_array_index (days, double, i) = (double) (rule->marked_day - start_day);
      /* No event on or after the enrolment date comes before a mark of that day or earlier. */
      rule->pending = needed && rule->event_kind != NULL &&
                      !(rule->marked && rule->marked_day <= start_day);
      pending += rule->pending ? 1 : 0;
    }
  if (pending == 0)
    return TRUE;

  sqlite3_bind_int64 (events, 1, account_id);
  sqlite3_bind_text (events, 2, started_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (events, 3, end, -1, SQLITE_STATIC);
  while (pending > 0 && (rc = sqlite3_step (events)) == SQLITE_ROW)
    {
      const char *at = (const char *) sqlite3_column_text (events, 0);
      const char *kind = (const char *) sqlite3_column_text (events, 1);
      gint64 job_id = sqlite3_column_int64 (events, 2);

      if (at == NULL)
        continue;

      for (guint i = 0; i < days->len; i++)
        {
          StepRule *rule = &rules[i];
          gint64 seconds;

          if (!rule->pending)
            continue;

          /* Events come oldest first: from the mark's day on, the mark stays the earlier. */
          if (rule->marked && strcmp (at, rule->marked_on) >= 0)
            {
              rule->pending = FALSE;
              pending--;
              continue;
            }

          if (g_strcmp0 (kind, rule->event_kind) != 0 ||
              (rule->job_id != 0 && job_id != rule->job_id))
            continue;

          /* Whole seconds, so that medians print without binary noise. */
          if (tenure_timestamp_parse (at, &seconds))
            g_array_index (days, double, i) =
              (double) (seconds - (gint64) start_day * SECONDS_PER_DAY) / SECONDS_PER_DAY;
          rule->pending = FALSE;
          pending--;
        }
    }
  sqlite3_reset (events);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
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
 *
 * One pass over the enrolments that count, in account order, with the step_done rows of
 * the scenario read alongside and each account's events read once for all the steps.
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
  g_autofree StepRule *rules = NULL;
  char end[TENURE_DATE_BUF];
  char window_start[TENURE_DATE_BUF];
  char retention_end[TENURE_DATE_BUF];
  MarkCursor marks = { 0 };
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *events;
  gboolean ok = FALSE;
  guint n_steps;
  int rc;

  scenario = tenure_scenario_load (db, scenario_id, error);
  if (scenario == NULL)
    return NULL;

  n_steps = scenario->steps->len;
  stats = g_new0 (TenureScenarioStats, 1);
  stats->scenario_id = scenario_id;
  stats->name = g_strdup (scenario->name);
  stats->job_name = g_strdup (scenario->job_name);
  stats->active = scenario->active;
  stats->steps = g_array_sized_new (FALSE, TRUE, sizeof (TenureStepStats), n_steps);
  g_array_set_clear_func (stats->steps, clear_step_stats);
  step_days = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  step_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  rules = g_new0 (StepRule, MAX (n_steps, 1));

  for (guint i = 0; i < n_steps; i++)
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
      rules[i].event_kind = step->done_when_event_kind;
      rules[i].job_id = step->done_when_job_id;
      rules[i].required = step->required;
    }

  tenure_date_format (tenure_month_first_day (month + 1), end);
  tenure_date_format (tenure_month_first_day (month - 2), window_start);
  tenure_date_format (tenure_month_first_day (month - 11), retention_end);

  marks.step_index = step_index;
  marks.stmt = tenure_db_prepare (db, marks_sql, error);
  events = tenure_db_prepare (db, events_sql, error);
  if (marks.stmt == NULL || events == NULL)
    goto out;
  stmt = tenure_db_prepare (db, enrolments_sql, error);
  if (stmt == NULL)
    goto out;

  sqlite3_bind_text (marks.stmt, 1, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (marks.stmt, 2, scenario_id);
  marks.rc = sqlite3_step (marks.stmt);

  sqlite3_bind_text (stmt, 1, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, scenario_id);
  sqlite3_bind_text (stmt, 3, retention_end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, window_start, -1, SQLITE_TRANSIENT);

  days = g_array_sized_new (FALSE, FALSE, sizeof (double), n_steps);
  g_array_set_size (days, n_steps);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 account_id = sqlite3_column_int64 (stmt, 0);
      const char *started_on = (const char *) sqlite3_column_text (stmt, 1);
      Enrolment enrolment = {
        .in_window = g_strcmp0 (started_on, window_start) >= 0,
        .in_retention = g_strcmp0 (started_on, retention_end) < 0,
        .retained = sqlite3_column_int (stmt, 2) != 0,
        .days = days,
      };

      for (guint i = 0; i < n_steps; i++)
        rules[i].marked = FALSE;
      read_marks (&marks, account_id, rules);
      if (!reach_steps (db, events, account_id, started_on, end, rules, &enrolment, error))
        goto out;
      finish_enrolment (stats, &enrolment, step_days);
    }
  if (rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, rc, error);
      goto out;
    }
  if (marks.rc != SQLITE_ROW && marks.rc != SQLITE_DONE)
    {
      tenure_db_set_error (db, marks.rc, error);
      goto out;
    }
  ok = TRUE;

out:
  if (stmt != NULL)
    sqlite3_reset (stmt);
  if (marks.stmt != NULL)
    sqlite3_reset (marks.stmt);
  if (!ok)
    return NULL;

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
