/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loads the model once per call: accounts of a group, their MRR by month, signup facts. */

#define G_LOG_DOMAIN "tenure-metrics"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-date.h"
#include "tenure-metrics-private.h"

#define CANCEL_CHECK_ROWS 65536

typedef struct
{
  guint  account;
  int    start_month;
  int    end_month;        /* exclusive; G_MAXINT when still running */
  gint64 amount_cents;
} ModelSubscription;

static gboolean
step_failed (TenureDb  *db,
             int        rc,
             GError   **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;
  tenure_db_set_error (db, rc, error);
  return TRUE;
}

static gboolean
filter_matches (const TenureFilter *filter,
                const char         *segment,
                const char         *plan,
                const char         *channel)
{
  if (filter == NULL)
    return TRUE;

  switch (filter->kind)
    {
    case TENURE_FILTER_NONE:
      return TRUE;
    case TENURE_FILTER_SEGMENT:
      return g_strcmp0 (segment, filter->value) == 0;
    case TENURE_FILTER_PLAN:
      return g_strcmp0 (plan, filter->value) == 0;
    case TENURE_FILTER_CHANNEL:
      return g_strcmp0 (channel, filter->value) == 0;
    default:
      g_assert_not_reached ();
    }
}

static const char *
intern (GStringChunk  *chunk,
        sqlite3_stmt  *stmt,
        int            column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return NULL;
  return g_string_chunk_insert_const (chunk, text);
}

int
tenure_model_index (const TenureModel *model,
                    gint64             id)
{
  if (id < 0 || id > model->max_id)
    return -1;
  return model->index_of_id[id];
}

/* "The last @days days of @month": [first day of month + 1 − days, first day of month + 1). */
void
tenure_model_window (int  month,
                     int  days,
                     char lo[11],
                     char hi[11])
{
  gint32 end = tenure_month_first_day (month + 1);

  tenure_date_format (end - days, lo);
  tenure_date_format (end, hi);
}

static gboolean
load_accounts (TenureModel         *model,
               const TenureFilter  *filter,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(GArray) accounts = g_array_new (FALSE, TRUE, sizeof (TenureModelAccount));
  sqlite3_stmt *stmt;
  gint64 max_id = -1;
  int rc;

  stmt = tenure_db_prepare (model->db,
                            "SELECT id, external_id, name, segment, plan, channel, owner, "
                            "signup_date FROM account ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TenureModelAccount account = { 0 };
      const char *signup = (const char *) sqlite3_column_text (stmt, 7);
      const char *channel;

      account.id = sqlite3_column_int64 (stmt, 0);
      max_id = MAX (max_id, account.id);
      account.segment = intern (model->strings, stmt, 3);
      account.plan = intern (model->strings, stmt, 4);
      channel = intern (model->strings, stmt, 5);
      account.channel = channel != NULL ? channel : "unknown";
      if (!filter_matches (filter, account.segment, account.plan, account.channel))
        continue;

      account.external_id = intern (model->strings, stmt, 1);
      if (account.external_id == NULL)
        account.external_id = "";
      account.name = intern (model->strings, stmt, 2);
      account.owner = intern (model->strings, stmt, 6);
      account.signup_day = G_MININT32;
      if (signup != NULL && tenure_date_parse (signup, &account.signup_day))
        account.signup_month = tenure_month_of_day (account.signup_day);
      else
        account.signup_day = G_MININT32;
      account.ttfv_days = NAN;
      g_array_append_val (accounts, account);
    }
  sqlite3_reset (stmt);
  if (step_failed (model->db, rc, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  model->max_id = max_id;
  model->index_of_id = g_new (gint32, max_id + 2);
  memset (model->index_of_id, 0xff, sizeof (gint32) * (gsize) (max_id + 2));
  model->n_accounts = accounts->len;
  model->accounts = (TenureModelAccount *) (gpointer) g_array_free (g_steal_pointer (&accounts),
                                                                    FALSE);
  for (guint i = 0; i < model->n_accounts; i++)
    model->index_of_id[model->accounts[i].id] = (gint32) i;

  return TRUE;
}

static gboolean
load_subscriptions (TenureModel   *model,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GArray) subscriptions = g_array_new (FALSE, FALSE, sizeof (ModelSubscription));
  g_autofree gint32 *first_start = NULL;
  sqlite3_stmt *stmt;
  guint rows = 0;
  int rc;

  first_start = g_new (gint32, MAX (model->n_accounts, 1));
  for (guint i = 0; i < model->n_accounts; i++)
    first_start[i] = G_MAXINT32;

  stmt = tenure_db_prepare (model->db,
                            "SELECT account_id, start_date, end_date, mrr_cents FROM subscription",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ModelSubscription subscription;
      const char *end_text = (const char *) sqlite3_column_text (stmt, 2);
      int account = tenure_model_index (model, sqlite3_column_int64 (stmt, 0));
      gint32 start;
      gint32 end;

      if (++rows % CANCEL_CHECK_ROWS == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      if (account < 0)
        continue;
      if (!tenure_date_parse ((const char *) sqlite3_column_text (stmt, 1), &start))
        continue;

      first_start[account] = MIN (first_start[account], start);
      subscription.account = (guint) account;
      subscription.start_month = tenure_month_of_day (start);
      subscription.end_month = G_MAXINT;
      if (end_text != NULL && tenure_date_parse (end_text, &end))
        subscription.end_month = tenure_month_of_day (end);
      subscription.amount_cents = sqlite3_column_int64 (stmt, 3);
      if (subscription.amount_cents > 0 && subscription.start_month < subscription.end_month)
        g_array_append_val (subscriptions, subscription);
    }
  sqlite3_reset (stmt);
  if (step_failed (model->db, rc, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* An account without a signup date signed up when its first subscription started. */
  for (guint i = 0; i < model->n_accounts; i++)
    {
      TenureModelAccount *account = &model->accounts[i];

      if (account->signup_day == G_MININT32 && first_start[i] != G_MAXINT32)
        {
          account->signup_day = first_start[i];
          account->signup_month = tenure_month_of_day (first_start[i]);
        }
    }

  model->mrr = g_new0 (gint64, (gsize) MAX (model->n_accounts, 1) * model->n_months);
  for (guint i = 0; i < subscriptions->len; i++)
    {
      const ModelSubscription *s = &g_array_index (subscriptions, ModelSubscription, i);
      TenureModelAccount *account = &model->accounts[s->account];
      gint64 *row = model->mrr + (gsize) s->account * model->n_months;
      int from = MAX (s->start_month, model->first_month);
      int to = MIN (s->end_month - 1, model->last_month);
      int target = account->signup_month + 12;

      if (account->cohort == 0 || s->start_month < account->cohort)
        account->cohort = s->start_month;
      for (int month = from; month <= to; month++)
        row[month - model->first_month] += s->amount_cents;
      if (account->signup_month != 0 && s->start_month <= target && target < s->end_month)
        account->mrr_signup12 += s->amount_cents;
    }

  return TRUE;
}

/* One pass over the events of each account's first 90 days, found through the
 * (account_id, at) index: TAJ, the 48-hour signal and the time to first value. */
static gboolean
load_signup_events (TenureModel   *model,
                    GCancellable  *cancellable,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  guint rows = 0;
  int rc;

  stmt = tenure_db_prepare (model->db,
                            "SELECT e.account_id, e.at, e.kind = 'job_completed' "
                            "FROM (SELECT id, coalesce (signup_date, "
                            "        (SELECT min (start_date) FROM subscription AS s "
                            "         WHERE s.account_id = account.id)) AS signup "
                            "      FROM account) AS a "
                            "JOIN event AS e ON e.account_id = a.id AND e.at >= a.signup "
                            "  AND e.at < date (a.signup, '+90 days') "
                            "WHERE e.kind <> 'session'",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int index = tenure_model_index (model, sqlite3_column_int64 (stmt, 0));
      TenureModelAccount *account;
      gboolean job = sqlite3_column_int (stmt, 2) != 0;
      gint64 at;
      gint64 since;

      if (++rows % CANCEL_CHECK_ROWS == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      if (index < 0)
        continue;
      account = &model->accounts[index];
      if (account->signup_day == G_MININT32 ||
          !tenure_timestamp_parse ((const char *) sqlite3_column_text (stmt, 1), &at))
        continue;

      since = at - (gint64) account->signup_day * TENURE_SECONDS_PER_DAY;
      if (since < 0 || since >= 90 * TENURE_SECONDS_PER_DAY)
        continue;
      if (since < 2 * TENURE_SECONDS_PER_DAY)
        account->signal48h = TRUE;
      if (job)
        {
          double days = (double) since / TENURE_SECONDS_PER_DAY;

          if (since < 30 * TENURE_SECONDS_PER_DAY)
            account->jobs_30d++;
          if (isnan (account->ttfv_days) || days < account->ttfv_days)
            account->ttfv_days = days;
        }
    }
  sqlite3_reset (stmt);
  if (step_failed (model->db, rc, error))
    return FALSE;

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * tenure_model_load:
 * @first_month: the first month whose figures will be asked for
 * @last_month: the last one
 * @with_events: whether to read the events of the first 90 days of every account
 *
 * The MRR matrix covers 13 months before @first_month too, for M − 1, M − 3 and M − 12.
 */
TenureModel *
tenure_model_load (TenureDb            *db,
                   int                  first_month,
                   int                  last_month,
                   const TenureFilter  *filter,
                   gboolean             with_events,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(TenureModel) model = g_new0 (TenureModel, 1);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (first_month <= last_month, NULL);

  model->db = db;
  model->first_month = first_month - 13;
  model->last_month = last_month;
  model->n_months = (guint) (model->last_month - model->first_month + 1);
  model->strings = g_string_chunk_new (4096);
  model->with_events = with_events;
  if (filter != NULL && filter->kind != TENURE_FILTER_NONE)
    {
      model->filtered = TRUE;
      model->filter_kind = filter->kind;
      model->filter_value = g_strdup (filter->value);
    }

  if (!load_accounts (model, filter, cancellable, error) ||
      !load_subscriptions (model, cancellable, error))
    return NULL;
  if (with_events && !load_signup_events (model, cancellable, error))
    return NULL;

  return g_steal_pointer (&model);
}

void
tenure_model_free (TenureModel *model)
{
  if (model == NULL)
    return;

  g_free (model->accounts);
  g_free (model->mrr);
  g_free (model->index_of_id);
  g_free (model->filter_value);
  g_clear_pointer (&model->strings, g_string_chunk_free);
  g_free (model);
}
