/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loads the model once per call: accounts of a group, their MRR by month, signup facts. */

#define G_LOG_DOMAIN "tenure-metrics"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-date.h"
#include "tenure-metrics-private.h"

#define CANCEL_CHECK_ROWS 16384

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

static void
report_progress (TenureModel *model,
                 double       fraction)
{
  if (model->progress != NULL)
    model->progress (fraction, model->progress_data);
}

/**
 * tenure_model_account_group:
 *
 * The group of @kind that @account belongs to: its segment, its plan, or its channel
 * ("unknown" when it has none); NULL when it has no segment or plan.
 */
const char *
tenure_model_account_group (const TenureModelAccount *account,
                            TenureFilterKind          kind)
{
  switch (kind)
    {
    case TENURE_FILTER_SEGMENT:
      return account->segment;
    case TENURE_FILTER_PLAN:
      return account->plan;
    case TENURE_FILTER_CHANNEL:
      return account->channel;
    case TENURE_FILTER_NONE:
      return NULL;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
filter_matches (const TenureFilter       *filter,
                const TenureModelAccount *account)
{
  if (filter == NULL || filter->kind == TENURE_FILTER_NONE)
    return TRUE;

  return g_strcmp0 (tenure_model_account_group (account, filter->kind), filter->value) == 0;
}

/* The text of @column in @chunk, or NULL when empty. Texts shared by many accounts
 * (segments, plans…) are stored once; unique ones (ids, names) are not looked up. */
static const char *
copy_text (GStringChunk  *chunk,
           sqlite3_stmt  *stmt,
           int            column,
           gboolean       shared)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return NULL;
  return shared ? g_string_chunk_insert_const (chunk, text) : g_string_chunk_insert (chunk, text);
}

int
tenure_model_index (const TenureModel *model,
                    gint64             id)
{
  if (id < 0 || id > model->max_id)
    return -1;
  if (G_UNLIKELY (model->index_of_id == NULL))
    return GPOINTER_TO_INT (g_hash_table_lookup (model->sparse_index, &id)) - 1;
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

/* Ids are rowids, dense unless rows were deleted or given by hand: a plain array then,
 * a hash table when it would waste too much memory. */
static void
index_accounts (TenureModel *model)
{
  gint64 max_id = model->max_id;

  if (max_id <= 4 * (gint64) model->n_accounts + 1048576)
    {
      model->index_of_id = g_new (gint32, max_id + 2);
      memset (model->index_of_id, 0xff, sizeof (gint32) * (gsize) (max_id + 2));
      for (guint i = 0; i < model->n_accounts; i++)
        model->index_of_id[model->accounts[i].id] = (gint32) i;
    }
  else
    {
      model->sparse_index = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < model->n_accounts; i++)
        g_hash_table_insert (model->sparse_index, &model->accounts[i].id,
                             GINT_TO_POINTER ((int) i + 1));
    }
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
      account.segment = copy_text (model->strings, stmt, 3, TRUE);
      account.plan = copy_text (model->strings, stmt, 4, TRUE);
      channel = copy_text (model->strings, stmt, 5, TRUE);
      account.channel = channel != NULL ? channel : "unknown";
      if (!filter_matches (filter, &account))
        continue;

      account.external_id = copy_text (model->strings, stmt, 1, FALSE);
      if (account.external_id == NULL)
        account.external_id = "";
      account.name = copy_text (model->strings, stmt, 2, FALSE);
      account.owner = copy_text (model->strings, stmt, 6, TRUE);
      account.signup_day = G_MININT32;
      if (signup != NULL && tenure_date_parse (signup, &account.signup_day))
        account.signup_month = tenure_month_of_day (account.signup_day);
      else
        account.signup_day = G_MININT32;
      account.ttfv_days = NAN;
      g_array_append_val (accounts, account);
    }
  sqlite3_reset (stmt);
  /* A cancelled loop stops on a row: say so rather than report a failed read. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (step_failed (model->db, rc, error))
    return FALSE;

  model->max_id = max_id;
  model->n_accounts = accounts->len;
  model->accounts = (TenureModelAccount *) (gpointer) g_array_free (g_steal_pointer (&accounts),
                                                                    FALSE);
  index_accounts (model);

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
  /* A cancelled loop stops on a row: say so rather than report a failed read. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (step_failed (model->db, rc, error))
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

/* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ", the forms Tenure writes, without the checks
 * and branches of tenure_timestamp_parse(); anything else goes through it. */
static gboolean
parse_at (const char *text,
          int         length,
          gint64     *seconds)
{
  const char *p = text;
  int digits[14];
  static const int positions[14] = { 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18 };
  int n = length == 10 ? 8 : 14;

  if (text == NULL)
    return FALSE;
  if (!(length == 10 || (length == 20 && p[10] == 'T' && p[19] == 'Z')) ||
      p[4] != '-' || p[7] != '-')
    return tenure_timestamp_parse (text, seconds);

  for (int i = 0; i < n; i++)
    {
      digits[i] = p[positions[i]] - '0';
      if (digits[i] < 0 || digits[i] > 9)
        return tenure_timestamp_parse (text, seconds);
    }

  {
    int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    int month = digits[4] * 10 + digits[5];
    int day = digits[6] * 10 + digits[7];
    gint64 time = 0;

    if (month < 1 || month > 12 || day < 1 || day > 28)
      {
        if (!tenure_date_is_valid (year, month, day))
          return FALSE;
      }
    if (n == 14)
      {
        int h = digits[8] * 10 + digits[9];
        int mi = digits[10] * 10 + digits[11];
        int s = digits[12] * 10 + digits[13];

        if (p[13] != ':' || p[16] != ':' || h > 23 || mi > 59 || s > 60)
          return tenure_timestamp_parse (text, seconds);
        time = h * 3600 + mi * 60 + s;
      }
    *seconds = (gint64) tenure_days_from_civil (year, month, day) * TENURE_SECONDS_PER_DAY + time;
  }

  return TRUE;
}

static gint32
day_of_seconds (gint64 seconds)
{
  gint64 days = seconds / TENURE_SECONDS_PER_DAY;

  if (seconds % TENURE_SECONDS_PER_DAY < 0)
    days--;
  return (gint32) days;
}

/* One sequential pass over the event table (cheaper than index lookups as soon as the
 * windows cover more than a few percent of it): from each account's first 90 days, TAJ,
 * the 48-hour signal and the time to first value; from the last 30 days of the usage
 * months, session days and completed jobs. */
static gboolean
load_events (TenureModel   *model,
             GCancellable  *cancellable,
             GError       **error)
{
  gint32 usage_first[TENURE_MODEL_MAX_USAGE_MONTHS];
  gint32 usage_min = G_MAXINT32;
  gint32 usage_max = G_MININT32;
  gint64 expected_rows;
  sqlite3_stmt *stmt;
  guint rows = 0;
  int rc;

  for (guint u = 0; u < model->n_usage_months; u++)
    {
      usage_first[u] = tenure_month_first_day (model->usage_months[u] + 1) - 30;
      usage_min = MIN (usage_min, usage_first[u]);
      usage_max = MAX (usage_max, usage_first[u] + 29);
    }

  /* For the progress only: the largest rowid is found at once and is close to the count. */
  expected_rows = MAX (1, tenure_db_query_int (model->db, "SELECT max (rowid) FROM event", 1));

  stmt = tenure_db_prepare (model->db, "SELECT account_id, at, kind FROM event", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int index = tenure_model_index (model, sqlite3_column_int64 (stmt, 0));
      const char *kind;
      TenureModelAccount *account;
      gint64 at;
      gint32 day;

      if (G_UNLIKELY (++rows % CANCEL_CHECK_ROWS == 0))
        {
          if (g_cancellable_is_cancelled (cancellable))
            break;
          report_progress (model, 0.1 + 0.8 * MIN (1.0, (double) rows / expected_rows));
        }
      if (index < 0)
        continue;
      if (!parse_at ((const char *) sqlite3_column_text (stmt, 1), sqlite3_column_bytes (stmt, 1),
                     &at))
        continue;
      kind = (const char *) sqlite3_column_text (stmt, 2);
      if (kind == NULL)
        continue;
      day = day_of_seconds (at);
      account = &model->accounts[index];

      /* session, action, feature_used, job_completed */
      if (model->with_signup_events && kind[0] != 's' && account->signup_day != G_MININT32)
        {
          gint64 since = at - (gint64) account->signup_day * TENURE_SECONDS_PER_DAY;

          if (since >= 0 && since < 90 * TENURE_SECONDS_PER_DAY)
            {
              if (since < 2 * TENURE_SECONDS_PER_DAY)
                account->signal48h = TRUE;
              if (kind[0] == 'j')
                {
                  double days = (double) since / TENURE_SECONDS_PER_DAY;

                  if (since < 30 * TENURE_SECONDS_PER_DAY)
                    account->jobs_30d++;
                  if (isnan (account->ttfv_days) || days < account->ttfv_days)
                    account->ttfv_days = days;
                }
            }
        }

      if (day >= usage_min && day <= usage_max && (kind[0] == 's' || kind[0] == 'j'))
        {
          for (guint u = 0; u < model->n_usage_months; u++)
            {
              gint32 offset = day - usage_first[u];

              if (offset < 0 || offset >= 30)
                continue;
              if (kind[0] == 's')
                model->session_days[u][index] |= 1u << offset;
              else
                model->jobs[u][index]++;
            }
        }
    }
  sqlite3_reset (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return !step_failed (model->db, rc, error);
}

/* The usage of the last 30 days of @month, when the model was loaded with it. */
gboolean
tenure_model_get_usage (const TenureModel  *model,
                        int                 month,
                        const guint32     **session_days,
                        const guint       **jobs)
{
  for (guint u = 0; u < model->n_usage_months; u++)
    {
      if (model->usage_months[u] == month)
        {
          *session_days = model->session_days[u];
          *jobs = model->jobs[u];
          return TRUE;
        }
    }

  return FALSE;
}

static void
set_filter (TenureModel        *model,
            const TenureFilter *filter)
{
  if (filter != NULL && filter->kind != TENURE_FILTER_NONE)
    {
      model->filtered = TRUE;
      model->filter_kind = filter->kind;
      model->filter_value = g_strdup (filter->value);
    }
}

/**
 * tenure_model_load:
 * @first_month: the first month whose figures will be asked for
 * @last_month: the last one
 * @with_signup_events: whether to collect the events of each account's first 90 days
 * @usage_months: months whose last 30 days of usage to collect (for health scores)
 *
 * The MRR matrix covers 13 months before @first_month too, for M − 1, M − 3 and M − 12.
 * The event table is read at most once, sequentially.
 */
TenureModel *
tenure_model_load (TenureDb            *db,
                   int                  first_month,
                   int                  last_month,
                   const TenureFilter  *filter,
                   gboolean             with_signup_events,
                   const int           *usage_months,
                   guint                n_usage_months,
                   TenureProgressFunc   progress,
                   gpointer             progress_data,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(TenureModel) model = g_new0 (TenureModel, 1);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (first_month <= last_month, NULL);
  g_return_val_if_fail (n_usage_months <= TENURE_MODEL_MAX_USAGE_MONTHS, NULL);

  model->db = db;
  model->first_month = first_month - 13;
  model->last_month = last_month;
  model->n_months = (guint) (model->last_month - model->first_month + 1);
  model->strings = g_string_chunk_new (4096);
  model->with_signup_events = with_signup_events;
  model->progress = progress;
  model->progress_data = progress_data;
  set_filter (model, filter);

  if (!load_accounts (model, filter, cancellable, error))
    return NULL;
  report_progress (model, 0.05);
  if (!load_subscriptions (model, cancellable, error))
    return NULL;
  report_progress (model, 0.1);
  model->n_usage_months = n_usage_months;
  for (guint u = 0; u < n_usage_months; u++)
    {
      model->usage_months[u] = usage_months[u];
      model->session_days[u] = g_new0 (guint32, MAX (model->n_accounts, 1));
      model->jobs[u] = g_new0 (guint, MAX (model->n_accounts, 1));
    }
  if ((with_signup_events || n_usage_months > 0) && !load_events (model, cancellable, error))
    return NULL;
  report_progress (model, 0.9);

  return g_steal_pointer (&model);
}

/**
 * tenure_model_subset:
 * @model: a model of every account (loaded without a filter)
 * @filter: (nullable): the group of accounts to keep
 *
 * The accounts of @filter with everything @model holds about them (MRR matrix, signup
 * facts, usage), as tenure_model_load() gives them with @filter, without reading the
 * workspace again. The subset borrows the strings of @model: free it first.
 */
TenureModel *
tenure_model_subset (const TenureModel  *model,
                     const TenureFilter *filter)
{
  g_autoptr(TenureModel) subset = g_new0 (TenureModel, 1);
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize row = sizeof (gint64) * model->n_months;

  g_return_val_if_fail (!model->filtered, NULL);

  for (guint a = 0; a < model->n_accounts; a++)
    {
      const TenureModelAccount *account = &model->accounts[a];

      if (filter_matches (filter, account))
        g_array_append_val (kept, a);
    }

  subset->db = model->db;
  subset->first_month = model->first_month;
  subset->last_month = model->last_month;
  subset->n_months = model->n_months;
  subset->with_signup_events = model->with_signup_events;
  subset->max_id = model->max_id;
  set_filter (subset, filter);

  subset->n_accounts = kept->len;
  subset->accounts = g_new (TenureModelAccount, MAX (kept->len, 1));
  subset->mrr = g_new0 (gint64, (gsize) MAX (kept->len, 1) * model->n_months);
  subset->n_usage_months = model->n_usage_months;
  for (guint u = 0; u < model->n_usage_months; u++)
    {
      subset->usage_months[u] = model->usage_months[u];
      subset->session_days[u] = g_new0 (guint32, MAX (kept->len, 1));
      subset->jobs[u] = g_new0 (guint, MAX (kept->len, 1));
    }

  for (guint i = 0; i < kept->len; i++)
    {
      guint a = g_array_index (kept, guint, i);

      subset->accounts[i] = model->accounts[a];
      memcpy ((char *) subset->mrr + row * i, (const char *) model->mrr + row * a, row);
      for (guint u = 0; u < model->n_usage_months; u++)
        {
          subset->session_days[u][i] = model->session_days[u][a];
          subset->jobs[u][i] = model->jobs[u][a];
        }
    }
  index_accounts (subset);

  return g_steal_pointer (&subset);
}

void
tenure_model_free (TenureModel *model)
{
  if (model == NULL)
    return;

  g_free (model->accounts);
  g_free (model->mrr);
  g_free (model->index_of_id);
  g_clear_pointer (&model->sparse_index, g_hash_table_unref);
  g_free (model->filter_value);
  for (guint u = 0; u < model->n_usage_months; u++)
    {
      g_free (model->session_days[u]);
      g_free (model->jobs[u]);
    }
  g_clear_pointer (&model->strings, g_string_chunk_free);
  g_free (model);
}
