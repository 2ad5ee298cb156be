/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Account health scores: usage, jobs, sentiment, support and trend at the end of a month. */

#define G_LOG_DOMAIN "tenure-health"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-date.h"
#include "tenure-health.h"
#include "tenure-metrics-private.h"

static const struct
{
  const char *key;
  const char *setting;
  const char *name;
  double      default_weight;
} components[TENURE_HEALTH_N_COMPONENTS] = {
  { "usage", "health_weight_usage", N_("Usage"), 30 },
  { "jobs", "health_weight_jobs", N_("Jobs"), 30 },
  { "sentiment", "health_weight_sentiment", N_("Sentiment"), 20 },
  { "support", "health_weight_support", N_("Support"), 10 },
  { "trend", "health_weight_trend", N_("Trend"), 10 },
};

static const struct
{
  const char *key;
  const char *name;
} bands[TENURE_HEALTH_N_BANDS] = {
  { "green", NC_("health band", "Green") },
  { "amber", NC_("health band", "Amber") },
  { "red", NC_("health band", "Red") },
};

/* The weights of the workspace settings; the defaults of METRICS.md when a weight is
 * negative or all of them are 0. */
void
tenure_health_weights_load (TenureDb *db,
                            double   *weights)
{
  double sum = 0;
  gboolean valid = TRUE;

  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    {
      weights[i] = tenure_db_get_setting_double (db, components[i].setting,
                                                 components[i].default_weight);
      valid = valid && weights[i] >= 0 && isfinite (weights[i]);
      sum += weights[i];
    }

  if (!valid || sum <= 0)
    for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
      weights[i] = components[i].default_weight;
}

double
tenure_health_default_weight (TenureHealthComponent component)
{
  g_return_val_if_fail (component < TENURE_HEALTH_N_COMPONENTS, 0);

  return components[component].default_weight;
}

/* Weights are usable when each is a finite number ≥ 0 and one at least is above 0. */
gboolean
tenure_health_weights_check (const double  *weights,
                             GError       **error)
{
  double sum = 0;

  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    {
      if (!isfinite (weights[i]) || weights[i] < 0)
        {
          g_set_error (error, TENURE_METRICS_ERROR, TENURE_METRICS_ERROR_INVALID,
                       /* Translators: %s is a health component, such as Usage */
                       _("The weight of %s must be a number of 0 or more"),
                       tenure_health_component_name (i));
          return FALSE;
        }
      sum += weights[i];
    }

  if (sum <= 0)
    {
      g_set_error_literal (error, TENURE_METRICS_ERROR, TENURE_METRICS_ERROR_INVALID,
                           _("At least one health weight must be above 0"));
      return FALSE;
    }

  return TRUE;
}

/* Stores the weights in the workspace settings health_weight_*, all or none. */
gboolean
tenure_health_weights_save (TenureDb      *db,
                            const double  *weights,
                            GError       **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  if (!tenure_health_weights_check (weights, error))
    return FALSE;
  if (!tenure_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    {
      char value[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (value, sizeof value, weights[i]);
      if (!tenure_db_set_setting (db, components[i].setting, value, error))
        {
          tenure_db_rollback (db);
          return FALSE;
        }
    }

  return tenure_db_commit (db, error);
}

/* floor (100 × Σ weight × component / Σ weight + 0.5). The small tolerance keeps exact
 * halves (such as 69.5) from falling below by a rounding error of the doubles. */
int
tenure_health_score (const double *components_,
                     const double *weights)
{
  double sum = 0;
  double total = 0;

  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    {
      sum += weights[i] * components_[i];
      total += weights[i];
    }
  if (total <= 0)
    return 0;

  return (int) floor (100 * sum / total + 0.5 + 1e-9);
}

TenureHealthBand
tenure_health_band_for_score (int score)
{
  if (score >= 70)
    return TENURE_HEALTH_GREEN;
  if (score >= 40)
    return TENURE_HEALTH_AMBER;
  return TENURE_HEALTH_RED;
}

/* The components from worst to best; on a tie, the heavier weight first. */
void
tenure_health_drivers (const double          *components_,
                       const double          *weights,
                       TenureHealthComponent *drivers)
{
  for (guint i = 0; i < TENURE_HEALTH_N_COMPONENTS; i++)
    drivers[i] = i;

  /* Insertion sort: five items, and stable. */
  for (guint i = 1; i < TENURE_HEALTH_N_COMPONENTS; i++)
    {
      TenureHealthComponent item = drivers[i];
      guint j = i;

      while (j > 0)
        {
          TenureHealthComponent other = drivers[j - 1];
          gboolean before = components_[item] < components_[other] ||
                            (components_[item] == components_[other] &&
                             weights[item] > weights[other]);

          if (!before)
            break;
          drivers[j] = other;
          j--;
        }
      drivers[j] = item;
    }
}

const char *
tenure_health_component_name (TenureHealthComponent component)
{
  g_return_val_if_fail (component < TENURE_HEALTH_N_COMPONENTS, NULL);

  return _(components[component].name);
}

const char *
tenure_health_component_key (TenureHealthComponent component)
{
  g_return_val_if_fail (component < TENURE_HEALTH_N_COMPONENTS, NULL);

  return components[component].key;
}

const char *
tenure_health_band_name (TenureHealthBand band)
{
  g_return_val_if_fail (band < TENURE_HEALTH_N_BANDS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "health band", bands[band].name);
}

const char *
tenure_health_band_key (TenureHealthBand band)
{
  g_return_val_if_fail (band < TENURE_HEALTH_N_BANDS, NULL);

  return bands[band].key;
}

/* @sql with the first and the day after the last of the @days days ending with @month
 * bound to ?1 and ?2. */
static sqlite3_stmt *
prepare_window (TenureModel  *model,
                int           month,
                int           days,
                const char   *sql,
                GError      **error)
{
  char lo[TENURE_DATE_BUF];
  char hi[TENURE_DATE_BUF];
  sqlite3_stmt *stmt;

  tenure_model_window (month, days, lo, hi);
  stmt = tenure_db_prepare (model->db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, lo, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hi, -1, SQLITE_TRANSIENT);

  return stmt;
}

/* Ends the row loop of @stmt: SQLITE_DONE is success, anything else an error. */
static gboolean
end_rows (TenureModel   *model,
          sqlite3_stmt  *stmt,
          int            rc,
          GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tenure_db_set_error (model->db, rc, error);

  return TRUE;
}

static gboolean
load_support (TenureModel  *model,
              int           month,
              guint        *strategic,
              guint        *tickets,
              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_window (model, month, 90,
                         "SELECT account_id, category = 'strategic' FROM ticket "
                         "WHERE opened_at >= ? AND opened_at < ?",
                         error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int index = tenure_model_index (model, sqlite3_column_int64 (stmt, 0));

      if (index < 0)
        continue;
      tickets[index]++;
      if (sqlite3_column_int (stmt, 1))
        strategic[index]++;
    }

  return end_rows (model, stmt, rc, error);
}

/* The latest NPS score of each account in the last 180 days; −1 when none. */
static gboolean
load_sentiment (TenureModel  *model,
                int           month,
                int          *latest,
                GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_window (model, month, 180,
                         "SELECT account_id, score FROM response "
                         "WHERE kind = 'nps' AND answered_on >= ? AND answered_on < ? "
                         "AND account_id IS NOT NULL ORDER BY answered_on, id",
                         error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int index = tenure_model_index (model, sqlite3_column_int64 (stmt, 0));

      if (index >= 0)
        latest[index] = sqlite3_column_int (stmt, 1);
    }

  return end_rows (model, stmt, rc, error);
}

/**
 * tenure_model_health:
 *
 * Scores the customers of @month among the model's accounts, as of the end of @month.
 * The model must cover @month − 3 … @month.
 *
 * Returns: an array of model->n_accounts entries, free with g_free()
 */
TenureModelHealth *
tenure_model_health (TenureModel   *model,
                     int            month,
                     const double   weights[TENURE_HEALTH_N_COMPONENTS],
                     GCancellable  *cancellable,
                     GError       **error)
{
  guint n = MAX (model->n_accounts, 1);
  const guint32 *session_days = NULL;
  const guint *jobs = NULL;
  g_autofree guint *strategic = g_new0 (guint, n);
  g_autofree guint *tickets = g_new0 (guint, n);
  g_autofree int *latest = g_new (int, n);
  g_autofree TenureModelHealth *health = g_new0 (TenureModelHealth, n);

  g_return_val_if_fail (month - 3 >= model->first_month && month <= model->last_month, NULL);

  for (guint a = 0; a < n; a++)
    latest[a] = -1;

  if (!tenure_model_get_usage (model, month, &session_days, &jobs))
    g_return_val_if_reached (NULL);
  if (!load_support (model, month, strategic, tickets, error) ||
      !load_sentiment (model, month, latest, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  for (guint a = 0; a < model->n_accounts; a++)
    {
      TenureModelHealth *h = &health[a];
      gint64 now = tenure_model_mrr (model, a, month);
      gint64 before = tenure_model_mrr (model, a, month - 3);
      double *c = h->components;

      h->session_days = 0;
      for (guint32 bits = session_days[a]; bits != 0; bits &= bits - 1)
        h->session_days++;

      if (now <= 0)
        {
          h->score = -1;
          continue;
        }

      c[TENURE_HEALTH_USAGE] = MIN (1.0, h->session_days / 15.0);
      c[TENURE_HEALTH_JOBS] = MIN (1.0, jobs[a] / 4.0);
      c[TENURE_HEALTH_SENTIMENT] = latest[a] >= 0 ? latest[a] / 10.0 : 0.5;
      c[TENURE_HEALTH_SUPPORT] = tickets[a] > 0 ? (double) strategic[a] / tickets[a] : 0.5;
      if (before <= 0)
        c[TENURE_HEALTH_TREND] = 0.5;
      else
        c[TENURE_HEALTH_TREND] = now > before ? 1.0 : now == before ? 0.5 : 0.0;
      h->score = tenure_health_score (c, weights);
    }

  return g_steal_pointer (&health);
}

static void
account_health_free (gpointer data)
{
  TenureAccountHealth *account = data;

  g_free (account->external_id);
  g_free (account->name);
  g_free (account->owner);
  g_free (account->segment);
  g_free (account->plan);
  g_free (account->channel);
  g_free (account);
}

/* Worst first: lowest score, then the most MRR at stake, then the external id. */
static int
compare_accounts (gconstpointer a,
                  gconstpointer b)
{
  const TenureAccountHealth *x = *(TenureAccountHealth * const *) a;
  const TenureAccountHealth *y = *(TenureAccountHealth * const *) b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  if (x->mrr_cents != y->mrr_cents)
    return x->mrr_cents > y->mrr_cents ? -1 : 1;
  return strcmp (x->external_id, y->external_id);
}

/**
 * tenure_health_compute:
 * @month: a TENURE_MONTH ()
 * @filter: (nullable): the group of accounts
 *
 * The health of every customer of @month, worst first, with its drivers, the band
 * counts and the back-test against @month − 3.
 */
TenureHealthReport *
tenure_health_compute (TenureDb            *db,
                       int                  month,
                       const TenureFilter  *filter,
                       GCancellable        *cancellable,
                       GError             **error)
{
  return tenure_health_compute_with_weights (db, month, filter, NULL, cancellable, error);
}

/**
 * tenure_health_compute_with_weights:
 * @weights: (nullable): TENURE_HEALTH_N_COMPONENTS weights, valid for
 *   tenure_health_weights_check(); NULL for the workspace's
 *
 * As tenure_health_compute(), with other weights: the preferences show the back-test
 * of weights being edited.
 */
TenureHealthReport *
tenure_health_compute_with_weights (TenureDb            *db,
                                    int                  month,
                                    const TenureFilter  *filter,
                                    const double        *weights,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  g_autoptr(TenureModel) model = NULL;
  g_autofree TenureModelHealth *now = NULL;
  g_autofree TenureModelHealth *before = NULL;
  double used_weights[TENURE_HEALTH_N_COMPONENTS];
  const int usage_months[] = { month, month - 3 };

  g_return_val_if_fail (db != NULL, NULL);

  if (weights != NULL && !tenure_health_weights_check (weights, error))
    return NULL;

  model = tenure_model_load (db, month, month, filter, FALSE, usage_months,
                             G_N_ELEMENTS (usage_months), NULL, NULL, cancellable,
                             error);
  if (model == NULL)
    return NULL;

  if (weights != NULL)
    memcpy (used_weights, weights, sizeof used_weights);
  else
    tenure_health_weights_load (db, used_weights);
  now = tenure_model_health (model, month, used_weights, cancellable, error);
  if (now == NULL)
    return NULL;
  before = tenure_model_health (model, month - 3, used_weights, cancellable, error);
  if (before == NULL)
    return NULL;

  return tenure_health_report_from_model (model, month, used_weights, now, before);
}

/* The report of tenure_health_compute() from a loaded model and its scores as of @month
 * (@now) and @month − 3 (@before): shared with the metrics, which score every account
 * anyway (tenure_metrics_compute_with_health()). */
TenureHealthReport *
tenure_health_report_from_model (TenureModel             *model,
                                 int                      month,
                                 const double            *weights,
                                 const TenureModelHealth *now,
                                 const TenureModelHealth *before)
{
  g_autoptr(TenureHealthReport) report = NULL;
  guint churned[TENURE_HEALTH_N_BANDS] = { 0 };

  report = g_new0 (TenureHealthReport, 1);
  report->month = month;
  report->accounts = g_ptr_array_new_with_free_func (account_health_free);
  memcpy (report->weights, weights, sizeof report->weights);

  for (guint a = 0; a < model->n_accounts; a++)
    {
      const TenureModelAccount *source = &model->accounts[a];
      TenureAccountHealth *account;

      if (before[a].score >= 0)
        {
          TenureHealthBand band = tenure_health_band_for_score (before[a].score);

          report->backtest_accounts[band]++;
          if (tenure_model_mrr (model, a, month) == 0)
            churned[band]++;
        }

      if (now[a].score < 0)
        continue;

      account = g_new0 (TenureAccountHealth, 1);
      account->account_id = source->id;
      account->external_id = g_strdup (source->external_id);
      account->name = g_strdup (source->name);
      account->owner = g_strdup (source->owner);
      account->segment = g_strdup (source->segment);
      account->plan = g_strdup (source->plan);
      account->channel = g_strdup (source->channel);
      account->mrr_cents = tenure_model_mrr (model, a, month);
      account->score = now[a].score;
      account->band = tenure_health_band_for_score (now[a].score);
      memcpy (account->components, now[a].components, sizeof account->components);
      tenure_health_drivers (account->components, report->weights, account->drivers);
      account->session_days = now[a].session_days;
      account->dormant = now[a].session_days == 0;
      report->band_accounts[account->band]++;
      g_ptr_array_add (report->accounts, account);
    }

  for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
    report->backtest_churned_pct[b] = report->backtest_accounts[b] > 0
                                      ? 100.0 * churned[b] / report->backtest_accounts[b]
                                      : NAN;
  g_ptr_array_sort (report->accounts, compare_accounts);

  return g_steal_pointer (&report);
}

void
tenure_health_report_free (TenureHealthReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->accounts, g_ptr_array_unref);
  g_free (report);
}

/* The health trend from a model holding the usage of each of its months. */
TenureHealthTrend *
tenure_model_health_trend (TenureModel   *model,
                           int            last_month,
                           guint          n_months,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(TenureHealthTrend) trend = g_new0 (TenureHealthTrend, 1);
  double weights[TENURE_HEALTH_N_COMPONENTS];
  int first_month = last_month - (int) n_months + 1;

  trend->first_month = first_month;
  trend->n_months = n_months;
  trend->red_accounts = g_new0 (guint, n_months);
  trend->dormant_accounts = g_new0 (guint, n_months);
  trend->dormant_mrr_cents = g_new0 (gint64, n_months);
  tenure_health_weights_load (model->db, weights);

  for (guint i = 0; i < n_months; i++)
    {
      int month = first_month + (int) i;
      g_autofree TenureModelHealth *health = tenure_model_health (model, month, weights,
                                                                  cancellable, error);

      if (health == NULL)
        return NULL;

      for (guint a = 0; a < model->n_accounts; a++)
        {
          if (health[a].score < 0)
            continue;
          if (tenure_health_band_for_score (health[a].score) == TENURE_HEALTH_RED)
            trend->red_accounts[i]++;
          if (health[a].session_days == 0)
            {
              trend->dormant_accounts[i]++;
              trend->dormant_mrr_cents[i] += tenure_model_mrr (model, a, month);
            }
        }
    }

  return g_steal_pointer (&trend);
}

/**
 * tenure_health_trend:
 * @last_month: the last month of the trend
 * @n_months: how many months, ending at @last_month (1 … TENURE_HEALTH_TREND_MAX_MONTHS)
 *
 * For each month, the customers in the red health band and the dormant customers (no
 * session in the last 30 days of the month, METRICS.md section 11) with their MRR: the
 * figures tenure_metrics_compute() gives for one month, from one read of the events.
 * tenure_metrics_compute_with_health_trend() gives the same with the month's metrics.
 *
 * Returns: the trend, free with tenure_health_trend_free()
 */
TenureHealthTrend *
tenure_health_trend (TenureDb            *db,
                     int                  last_month,
                     guint                n_months,
                     const TenureFilter  *filter,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr(TenureModel) model = NULL;
  int usage_months[TENURE_HEALTH_TREND_MAX_MONTHS];
  int first_month = last_month - (int) n_months + 1;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (n_months > 0 && n_months <= TENURE_HEALTH_TREND_MAX_MONTHS, NULL);

  for (guint i = 0; i < n_months; i++)
    usage_months[i] = first_month + (int) i;

  model = tenure_model_load (db, first_month, last_month, filter, FALSE, usage_months, n_months,
                             NULL, NULL, cancellable, error);
  if (model == NULL)
    return NULL;

  return tenure_model_health_trend (model, last_month, n_months, cancellable, error);
}

void
tenure_health_trend_free (TenureHealthTrend *trend)
{
  if (trend == NULL)
    return;

  g_free (trend->red_accounts);
  g_free (trend->dormant_accounts);
  g_free (trend->dormant_mrr_cents);
  g_free (trend);
}

GPtrArray *
tenure_health_report_at_risk (const TenureHealthReport *report,
                              guint                     limit)
{
  GPtrArray *at_risk = g_ptr_array_new ();

  g_return_val_if_fail (report != NULL, at_risk);

  for (guint i = 0; i < report->accounts->len; i++)
    {
      TenureAccountHealth *account = g_ptr_array_index (report->accounts, i);

      if (account->band != TENURE_HEALTH_RED)
        break;
      if (limit > 0 && at_risk->len >= limit)
        break;
      g_ptr_array_add (at_risk, account);
    }

  return at_risk;
}
