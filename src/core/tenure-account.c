/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads one account's MRR history and its recent weeks of sessions, jobs, tickets and NPS. */

#define G_LOG_DOMAIN "tenure-account"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-account.h"
#include "tenure-date.h"

void
tenure_account_history_free (TenureAccountHistory *history)
{
  if (history == NULL)
    return;

  g_free (history->external_id);
  g_free (history->name);
  g_free (history->owner);
  g_free (history->segment);
  g_free (history->plan);
  g_free (history->channel);
  g_free (history->signup_date);
  g_free (history->mrr_cents);
  g_free (history->weeks);
  g_free (history);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* The Monday of the week holding @day (days since 1970-01-01, a Thursday). */
static gint32
week_start (gint32 day)
{
  return day - (((day + 3) % 7) + 7) % 7;
}

static gboolean
load_account (TenureDb              *db,
              TenureAccountHistory  *history,
              GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db,
                            "SELECT external_id, name, owner, segment, plan, channel, "
                            "signup_date FROM account WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, history->account_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      history->external_id = column_dup (stmt, 0);
      history->name = column_dup (stmt, 1);
      history->owner = column_dup (stmt, 2);
      history->segment = column_dup (stmt, 3);
      history->plan = column_dup (stmt, 4);
      history->channel = column_dup (stmt, 5);
      history->signup_date = column_dup (stmt, 6);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, history->account_id);

      /* Translators: %s is the row number of an account in the workspace */
      g_set_error (error, TENURE_DB_ERROR, TENURE_DB_ERROR_NOT_FOUND,
                   _("No account has the id %s"), id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return tenure_db_set_error (db, rc, error);

  return TRUE;
}

/* A subscription adds its amount to every month M with month(S) <= M < month(E). */
static gboolean
load_mrr (TenureDb              *db,
          TenureAccountHistory  *history,
          GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenure_db_prepare (db,
                            "SELECT start_date, end_date, mrr_cents FROM subscription "
                            "WHERE account_id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, history->account_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *end_text = (const char *) sqlite3_column_text (stmt, 1);
      gint32 start;
      gint32 end;
      int first;
      int stop;

      if (!tenure_date_parse ((const char *) sqlite3_column_text (stmt, 0), &start))
        continue;
      first = tenure_month_of_day (start);
      if (end_text != NULL && tenure_date_parse (end_text, &end))
        stop = tenure_month_of_day (end);
      else
        stop = G_MAXINT;

      for (guint i = 0; i < history->n_months; i++)
        {
          int month = history->first_month + (int) i;

          if (first <= month && month < stop)
            history->mrr_cents[i] += sqlite3_column_int64 (stmt, 2);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tenure_db_set_error (db, rc, error);

  return TRUE;
}

/* The week of @day among the history's weeks, or NULL outside them. */
static TenureAccountWeek *
find_week (TenureAccountHistory *history,
           gint32                day)
{
  gint32 first;
  gint32 index;

  if (history->n_weeks == 0)
    return NULL;
  first = history->weeks[0].first_day;
  if (day < first)
    return NULL;
  index = (day - first) / 7;
  if (index >= (gint32) history->n_weeks)
    return NULL;

  return &history->weeks[index];
}

/* Events, tickets and NPS answers of the weeks; rows come ordered by date. */
static gboolean
load_weeks (TenureDb              *db,
            TenureAccountHistory  *history,
            GCancellable          *cancellable,
            GError               **error)
{
  static const char * const queries[] = {
    "SELECT substr (at, 1, 10), kind = 'job_completed', 0 FROM event "
    "WHERE account_id = ? AND at >= ? AND at < ? AND kind IN ('session', 'job_completed')",
    "SELECT substr (opened_at, 1, 10), category = 'strategic', 0 FROM ticket "
    "WHERE account_id = ? AND opened_at >= ? AND opened_at < ?",
    "SELECT answered_on, score, 0 FROM response "
    "WHERE account_id = ? AND kind = 'nps' AND answered_on >= ? AND answered_on < ? "
    "ORDER BY answered_on, id",
  };
  char lo[TENURE_DATE_BUF];
  char hi[TENURE_DATE_BUF];

  if (history->n_weeks == 0)
    return TRUE;

  tenure_date_format (history->weeks[0].first_day, lo);
  /* Nothing after the end of the last month, even in its last week. */
  tenure_date_format (MIN (history->weeks[history->n_weeks - 1].first_day + 7,
                           tenure_month_first_day (history->first_month +
                                                   (int) history->n_months)),
                      hi);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = tenure_db_prepare (db, queries[q], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, history->account_id);
      sqlite3_bind_text (stmt, 2, lo, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, hi, -1, SQLITE_TRANSIENT);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          TenureAccountWeek *week;
          gint32 day;

          if (!tenure_date_parse ((const char *) sqlite3_column_text (stmt, 0), &day))
            continue;
          week = find_week (history, day);
          if (week == NULL)
            continue;

          switch (q)
            {
            case 0:
              if (sqlite3_column_int (stmt, 1))
                week->jobs++;
              else
                week->sessions++;
              break;
            case 1:
              week->tickets++;
              if (sqlite3_column_int (stmt, 1))
                week->strategic_tickets++;
              break;
            default:
              week->nps = sqlite3_column_int (stmt, 1);
              break;
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return tenure_db_set_error (db, rc, error);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * tenure_account_history_load:
 * @account_id: the account's row id
 * @last_month: a TENURE_MONTH ()
 * @n_months: months of MRR, ending at @last_month
 * @n_weeks: weeks of activity, ending with the week of @last_month's last day
 *
 * Reads what the Accounts page shows of one account. Fails with
 * TENURE_DB_ERROR_NOT_FOUND when the account does not exist.
 */
TenureAccountHistory *
tenure_account_history_load (TenureDb      *db,
                             gint64         account_id,
                             int            last_month,
                             guint          n_months,
                             guint          n_weeks,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(TenureAccountHistory) history = NULL;
  gint32 last_week;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (n_months > 0, NULL);

  history = g_new0 (TenureAccountHistory, 1);
  history->account_id = account_id;
  history->first_month = last_month - (int) n_months + 1;
  history->n_months = n_months;
  history->mrr_cents = g_new0 (gint64, n_months);
  history->n_weeks = n_weeks;
  history->weeks = g_new0 (TenureAccountWeek, MAX (n_weeks, 1));

  last_week = week_start (tenure_month_first_day (last_month + 1) - 1);
  for (guint i = 0; i < n_weeks; i++)
    {
      history->weeks[i].first_day = last_week - 7 * (gint32) (n_weeks - 1 - i);
      history->weeks[i].nps = -1;
    }

  if (!load_account (db, history, error) ||
      !load_mrr (db, history, error) ||
      !load_weeks (db, history, cancellable, error))
    return NULL;

  return g_steal_pointer (&history);
}
