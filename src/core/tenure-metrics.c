/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every figure of METRICS.md for a month, series of months and cohort matrices, from the model. */

#define G_LOG_DOMAIN "tenure-metrics"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tenure-date.h"
#include "tenure-health.h"
#include "tenure-metrics-private.h"

G_DEFINE_QUARK (tenure-metrics-error-quark, tenure_metrics_error)

/* Derived money is rounded once, half away from zero. */
static gint64
round_cents (double value)
{
  return isnan (value) ? TENURE_CENTS_NULL : (gint64) round (value);
}

static double
ratio_pct (double numerator,
           double denominator)
{
  return denominator != 0 ? numerator / denominator * 100 : NAN;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @values (sorted in place); the mean of the two middle values when even. */
static double
median (double *values,
        guint   n)
{
  if (n == 0)
    return NAN;

  qsort (values, n, sizeof (double), compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Filters */

/**
 * tenure_filter_parse:
 *
 * Builds a filter from the command-line or GUI choices; at most one may be given.
 * The strings are borrowed by @filter.
 */
gboolean
tenure_filter_parse (const char    *segment,
                     const char    *plan,
                     const char    *channel,
                     TenureFilter  *filter,
                     GError       **error)
{
  int given = (segment != NULL) + (plan != NULL) + (channel != NULL);

  g_return_val_if_fail (filter != NULL, FALSE);

  if (given > 1)
    {
      g_set_error (error, TENURE_METRICS_ERROR, TENURE_METRICS_ERROR_INVALID,
                   _("Choose one filter at most: a segment, a plan or a channel"));
      return FALSE;
    }

  filter->kind = TENURE_FILTER_NONE;
  filter->value = NULL;
  if (segment != NULL)
    *filter = (TenureFilter) { TENURE_FILTER_SEGMENT, segment };
  else if (plan != NULL)
    *filter = (TenureFilter) { TENURE_FILTER_PLAN, plan };
  else if (channel != NULL)
    *filter = (TenureFilter) { TENURE_FILTER_CHANNEL, channel };

  return TRUE;
}

/* A translated description of the group, such as “Segment: SMB”. */
char *
tenure_filter_describe (const TenureFilter *filter)
{
  if (filter == NULL)
    return g_strdup (_("All accounts"));

  switch (filter->kind)
    {
    case TENURE_FILTER_SEGMENT:
      return g_strdup_printf (_("Segment: %s"), filter->value);
    case TENURE_FILTER_PLAN:
      return g_strdup_printf (_("Plan: %s"), filter->value);
    case TENURE_FILTER_CHANNEL:
      return g_strdup_printf (_("Channel: %s"), filter->value);
    case TENURE_FILTER_NONE:
    default:
      return g_strdup (_("All accounts"));
    }
}

/* A cached statement of @sql with its two parameters bound to @lo and @hi. */
static sqlite3_stmt *
prepare_range (TenureDb    *db,
               const char  *sql,
               const char  *lo,
               const char  *hi,
               GError     **error)
{
  sqlite3_stmt *stmt = tenure_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  rc = sqlite3_bind_text (stmt, 1, lo, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 2, hi, -1, SQLITE_TRANSIENT);
  if (rc != SQLITE_OK)
    {
      tenure_db_set_error (db, rc, error);
      return NULL;
    }

  return stmt;
}

/* Month figures */

static int
month_index (const TenureModel *model,
             int                month)
{
  return month - model->first_month;
}

/* Sections 1 and 2 for every month of the model, in one pass over the MRR matrix. */
static void
fill_revenue (const TenureModel  *model,
              TenureMonthFigures *months)
{
  guint n = model->n_months;
  g_autofree gint64 *trailing_num = g_new0 (gint64, n);
  g_autofree gint64 *trailing_den = g_new0 (gint64, n);

  for (guint i = 0; i < n; i++)
    months[i].month = model->first_month + (int) i;

  for (guint a = 0; a < model->n_accounts; a++)
    {
      const gint64 *row = model->mrr + (gsize) a * n;
      int cohort = model->accounts[a].cohort;

      for (guint i = 0; i < n; i++)
        {
          TenureMonthFigures *f = &months[i];
          gint64 c = row[i];
          gint64 p;

          if (c > 0)
            {
              f->customers++;
              f->mrr_cents += c;
            }
          if (i >= 12 && row[i - 12] > 0)
            {
              trailing_num[i] += c;
              trailing_den[i] += row[i - 12];
            }
          if (i == 0)
            continue;

          p = row[i - 1];
          if (p == 0 && c > 0)
            {
              if (cohort == f->month)
                {
                  f->new_customers++;
                  f->new_cents += c;
                }
              else
                {
                  f->reactivated_customers++;
                  f->reactivation_cents += c;
                }
            }
          else if (p > 0 && c > p)
            {
              f->expanded_customers++;
              f->expansion_cents += c - p;
            }
          else if (p > 0 && c > 0 && c < p)
            {
              f->contracted_customers++;
              f->contraction_cents += c - p;
            }
          else if (p > 0 && c == 0)
            {
              f->churned_customers++;
              f->churn_cents -= p;
            }
        }
    }

  for (guint i = 0; i < n; i++)
    {
      TenureMonthFigures *f = &months[i];
      const TenureMonthFigures *prev = i > 0 ? &months[i - 1] : NULL;
      double base = prev != NULL ? (double) prev->mrr_cents : 0;

      f->arpa = f->customers > 0 ? (double) f->mrr_cents / f->customers : NAN;
      f->arpa_cents = round_cents (f->arpa);
      f->logo_churn_pct = prev != NULL ? ratio_pct (f->churned_customers, prev->customers) : NAN;
      f->revenue_churn_pct = ratio_pct ((double) -(f->contraction_cents + f->churn_cents), base);
      f->grr_pct = ratio_pct (base + (double) (f->contraction_cents + f->churn_cents), base);
      f->nrr_pct = ratio_pct (base + (double) (f->expansion_cents + f->contraction_cents +
                                               f->churn_cents), base);
      f->nrr_trailing12_pct = ratio_pct ((double) trailing_num[i], (double) trailing_den[i]);
      f->nps_score = NAN;
      f->cli_score = NAN;
    }
}

/* Section 5: responses of the model's accounts (all responses when unfiltered). */
static gboolean
fill_responses (TenureModel         *model,
                TenureMonthFigures  *months,
                GError             **error)
{
  char lo[TENURE_DATE_BUF];
  char hi[TENURE_DATE_BUF];
  sqlite3_stmt *stmt;
  int rc;

  tenure_date_format (tenure_month_first_day (model->first_month), lo);
  tenure_date_format (tenure_month_first_day (model->last_month + 1), hi);

  stmt = prepare_range (model->db,
                        "SELECT account_id, answered_on, kind = 'nps', score FROM response "
                        "WHERE kind IN ('nps', 'cli') AND answered_on >= ? AND answered_on < ?",
                        lo, hi, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TenureMonthFigures *f;
      gint32 day;
      int score = sqlite3_column_int (stmt, 3);
      int month;

      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        {
          if (model->filtered)
            continue;
        }
      else if (tenure_model_index (model, sqlite3_column_int64 (stmt, 0)) < 0)
        continue;

      if (!tenure_date_parse ((const char *) sqlite3_column_text (stmt, 1), &day))
        continue;
      month = tenure_month_of_day (day);
      if (month < model->first_month || month > model->last_month)
        continue;
      f = &months[month_index (model, month)];

      if (sqlite3_column_int (stmt, 2))
        {
          f->nps_responses++;
          if (score >= 9)
            f->nps_promoters++;
          else if (score >= 7)
            f->nps_passives++;
          else
            f->nps_detractors++;
        }
      else
        {
          f->cli_responses++;
          /* The sum is kept in cli_score until the end. */
          f->cli_score = (isnan (f->cli_score) ? 0 : f->cli_score) + score;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tenure_db_set_error (model->db, rc, error);

  for (guint i = 0; i < model->n_months; i++)
    {
      TenureMonthFigures *f = &months[i];

      if (f->nps_responses > 0)
        f->nps_score = ((double) f->nps_promoters - f->nps_detractors) * 100 / f->nps_responses;
      if (f->cli_responses > 0)
        f->cli_score = f->cli_score / f->cli_responses * 10;
    }

  return TRUE;
}

static guint
taj_bucket (guint jobs)
{
  return jobs == 0 ? 0 : jobs <= 3 ? 1 : 2;
}

/* Section 6, from the signup facts of the model's accounts. */
static void
fill_activation (const TenureModel  *model,
                 TenureMonthFigures *months)
{
  guint n = model->n_months;
  g_autofree guint *buckets = g_new0 (guint, n * 3);
  g_autofree guint *signal = g_new0 (guint, n);
  g_autoptr(GPtrArray) ttfv = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ttfv, g_array_new (FALSE, FALSE, sizeof (double)));

  for (guint a = 0; a < model->n_accounts; a++)
    {
      const TenureModelAccount *account = &model->accounts[a];
      int i;

      if (account->signup_month == 0)
        continue;
      i = month_index (model, account->signup_month);
      if (i < 0 || i >= (int) n)
        continue;

      months[i].signups++;
      buckets[i * 3 + taj_bucket (account->jobs_30d)]++;
      if (account->signal48h)
        signal[i]++;
      if (!isnan (account->ttfv_days))
        g_array_append_val (g_ptr_array_index (ttfv, i), account->ttfv_days);
    }

  for (guint i = 0; i < n; i++)
    {
      TenureMonthFigures *f = &months[i];
      g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
      guint ttfv_signups = 0;

      for (guint k = 1; k <= 3 && k <= i; k++)
        {
          f->taj_bucket_0 += buckets[(i - k) * 3];
          f->taj_bucket_1_3 += buckets[(i - k) * 3 + 1];
          f->taj_bucket_4_plus += buckets[(i - k) * 3 + 2];
        }
      f->taj_4_plus_pct = ratio_pct (f->taj_bucket_4_plus,
                                     f->taj_bucket_0 + f->taj_bucket_1_3 + f->taj_bucket_4_plus);
      f->signal48h_pct = ratio_pct (signal[i], f->signups);

      for (guint k = 0; k < 3 && k <= i; k++)
        {
          GArray *reached = g_ptr_array_index (ttfv, i - k);

          ttfv_signups += months[i - k].signups;
          g_array_append_vals (values, reached->data, reached->len);
        }
      f->ttfv_reached_pct = ratio_pct (values->len, ttfv_signups);
      f->ttfv_median_days = median ((double *) (gpointer) values->data, values->len);
    }
}

static TenureMonthFigures *
model_figures (TenureModel   *model,
               GError       **error)
{
  g_autofree TenureMonthFigures *months = g_new0 (TenureMonthFigures, model->n_months);

  fill_revenue (model, months);
  if (!fill_responses (model, months, error))
    return NULL;
  fill_activation (model, months);

  return g_steal_pointer (&months);
}

/* Cohorts */

static TenureCohortMatrix *
model_cohorts (const TenureModel *model,
               int                last_month,
               guint              n_cohorts)
{
  TenureCohortMatrix *matrix = g_new0 (TenureCohortMatrix, 1);
  int first = last_month - (int) n_cohorts + 1;
  g_autofree guint *sizes = g_new0 (guint, n_cohorts);
  g_autofree guint *slot = g_new0 (guint, n_cohorts);
  g_autofree guint *all_size = NULL;
  g_autofree guint *all_retained = NULL;
  g_autofree gint64 *all_base = NULL;
  g_autofree gint64 *all_mrr = NULL;
  guint k = 0;

  g_assert (first >= model->first_month);

  matrix->last_month = last_month;
  for (guint a = 0; a < model->n_accounts; a++)
    {
      int cohort = model->accounts[a].cohort;

      if (cohort >= first && cohort <= last_month)
        sizes[cohort - first]++;
    }

  matrix->cohorts = g_new0 (TenureCohort, n_cohorts);
  for (guint c = 0; c < n_cohorts; c++)
    {
      TenureCohort *cohort;

      if (sizes[c] == 0)
        continue;
      slot[c] = k;
      cohort = &matrix->cohorts[k++];
      cohort->cohort = first + (int) c;
      cohort->size = sizes[c];
      cohort->small = sizes[c] < 10;
      cohort->n_ages = (guint) (last_month - cohort->cohort + 1);
      cohort->logo_pct = g_new0 (double, cohort->n_ages);
      cohort->revenue_pct = g_new0 (double, cohort->n_ages);
      cohort->retained = g_new0 (guint, cohort->n_ages);
      cohort->mrr_cents = g_new0 (gint64, cohort->n_ages);
      matrix->n_ages = MAX (matrix->n_ages, cohort->n_ages);
    }
  matrix->n_cohorts = k;

  for (guint a = 0; a < model->n_accounts; a++)
    {
      int c = model->accounts[a].cohort;
      TenureCohort *cohort;

      if (c < first || c > last_month)
        continue;
      cohort = &matrix->cohorts[slot[c - first]];
      for (guint age = 0; age < cohort->n_ages; age++)
        {
          gint64 mrr = tenure_model_mrr (model, a, c + (int) age);

          if (mrr > 0)
            {
              cohort->retained[age]++;
              cohort->mrr_cents[age] += mrr;
            }
        }
    }

  all_size = g_new0 (guint, matrix->n_ages + 1);
  all_retained = g_new0 (guint, matrix->n_ages + 1);
  all_base = g_new0 (gint64, matrix->n_ages + 1);
  all_mrr = g_new0 (gint64, matrix->n_ages + 1);
  matrix->all_logo_pct = g_new0 (double, matrix->n_ages + 1);
  matrix->all_revenue_pct = g_new0 (double, matrix->n_ages + 1);

  for (guint c = 0; c < matrix->n_cohorts; c++)
    {
      TenureCohort *cohort = &matrix->cohorts[c];

      for (guint age = 0; age < cohort->n_ages; age++)
        {
          cohort->logo_pct[age] = ratio_pct (cohort->retained[age], cohort->size);
          cohort->revenue_pct[age] = ratio_pct ((double) cohort->mrr_cents[age],
                                                (double) cohort->mrr_cents[0]);
          all_size[age] += cohort->size;
          all_retained[age] += cohort->retained[age];
          all_base[age] += cohort->mrr_cents[0];
          all_mrr[age] += cohort->mrr_cents[age];
        }
    }
  for (guint age = 0; age < matrix->n_ages; age++)
    {
      matrix->all_logo_pct[age] = ratio_pct (all_retained[age], all_size[age]);
      matrix->all_revenue_pct[age] = ratio_pct ((double) all_mrr[age], (double) all_base[age]);
    }

  return matrix;
}

void
tenure_cohort_matrix_free (TenureCohortMatrix *matrix)
{
  if (matrix == NULL)
    return;

  for (guint c = 0; c < matrix->n_cohorts; c++)
    {
      g_free (matrix->cohorts[c].logo_pct);
      g_free (matrix->cohorts[c].revenue_pct);
      g_free (matrix->cohorts[c].retained);
      g_free (matrix->cohorts[c].mrr_cents);
    }
  g_free (matrix->cohorts);
  g_free (matrix->all_logo_pct);
  g_free (matrix->all_revenue_pct);
  g_free (matrix);
}

/**
 * tenure_metrics_cohorts:
 * @last_month: the youngest cohort
 * @n_cohorts: how many cohorts, ending at @last_month (at least 1)
 *
 * Logo and revenue retention of each cohort at every age up to @last_month.
 */
TenureCohortMatrix *
tenure_metrics_cohorts (TenureDb            *db,
                        int                  last_month,
                        guint                n_cohorts,
                        const TenureFilter  *filter,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(TenureModel) model = NULL;

  g_return_val_if_fail (n_cohorts > 0, NULL);

  model = tenure_model_load (db, last_month - (int) n_cohorts + 1, last_month, filter, FALSE,
                             NULL, 0, NULL, NULL, cancellable, error);
  if (model == NULL)
    return NULL;

  return model_cohorts (model, last_month, n_cohorts);
}

/* Lifecycle funnel */

/* One spend row: its month (0 when unreadable), its channel, its amount and its leads
 * (−1 when not given). */
typedef void (*SpendFunc) (int          month,
                           const char  *channel,
                           gint64       amount_cents,
                           gint64       leads,
                           gpointer     user_data);

/* Calls @func for each spend row of first_month … last_month. Spend is restricted by a
 * channel filter only. */
static gboolean
foreach_spend (const TenureModel  *model,
               int                 first_month,
               int                 last_month,
               SpendFunc           func,
               gpointer            user_data,
               GError            **error)
{
  char lo[TENURE_MONTH_BUF];
  char hi[TENURE_MONTH_BUF];
  sqlite3_stmt *stmt;
  int rc;

  tenure_month_format (first_month, lo);
  tenure_month_format (last_month + 1, hi);

  /* Spend rows may hold "YYYY-MM" or a date in that month. */
  stmt = prepare_range (model->db,
                        "SELECT substr (month, 1, 7), channel, amount_cents, leads FROM spend "
                        "WHERE month >= ? AND month < ?",
                        lo, hi, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      int month;

      if (model->filtered && model->filter_kind == TENURE_FILTER_CHANNEL &&
          g_strcmp0 (name, model->filter_value) != 0)
        continue;
      if (!tenure_month_parse ((const char *) sqlite3_column_text (stmt, 0), &month))
        month = 0;

      func (month, name, sqlite3_column_int64 (stmt, 2),
            sqlite3_column_type (stmt, 3) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 3),
            user_data);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tenure_db_set_error (model->db, rc, error);

  return TRUE;
}

typedef struct
{
  TenureLifecycle *lifecycle;
  int              first_month;
  int              last_month;
} LeadsData;

/* Adds a row's leads to its month's awareness (section 11), which stays null for a
 * month without any. */
static void
add_leads (int         month,
           const char *channel,
           gint64      amount_cents,
           gint64      leads,
           gpointer    user_data)
{
  LeadsData *data = user_data;
  gint64 *awareness;

  if (leads < 0 || month < data->first_month || month > data->last_month)
    return;

  awareness = &data->lifecycle[month - data->first_month].count[TENURE_STAGE_AWARENESS];
  if (*awareness == TENURE_CENTS_NULL)
    *awareness = 0;
  *awareness += leads;
}

/* The lifecycle funnel of every month from @first_month to @last_month (section 11). */
static TenureLifecycle *
model_lifecycle (const TenureModel         *model,
                 const TenureMonthFigures  *months,
                 int                        first_month,
                 int                        last_month,
                 GError                   **error)
{
  guint n = (guint) (last_month - first_month + 1);
  g_autofree TenureLifecycle *lifecycle = g_new0 (TenureLifecycle, n);

  for (guint i = 0; i < n; i++)
    {
      const TenureMonthFigures *f = &months[month_index (model, first_month + (int) i)];

      lifecycle[i].month = first_month + (int) i;
      lifecycle[i].count[TENURE_STAGE_AWARENESS] = TENURE_CENTS_NULL;
      lifecycle[i].count[TENURE_STAGE_CONVERSION] = f->signups;
      lifecycle[i].count[TENURE_STAGE_PURCHASE] = f->new_customers;
      lifecycle[i].count[TENURE_STAGE_RECOMMENDATION] = f->nps_promoters;
    }

  for (guint a = 0; a < model->n_accounts; a++)
    {
      const TenureModelAccount *account = &model->accounts[a];

      if (account->jobs_30d > 0 && account->signup_month >= first_month &&
          account->signup_month <= last_month)
        lifecycle[account->signup_month - first_month].count[TENURE_STAGE_ACTIVATION]++;
      if (account->cohort == 0)
        continue;
      for (int m = MAX (first_month, account->cohort + 12); m <= last_month; m++)
        if (tenure_model_mrr (model, a, m) > 0)
          lifecycle[m - first_month].count[TENURE_STAGE_RENEWAL]++;
    }

  if (!foreach_spend (model, first_month, last_month, add_leads,
                      &(LeadsData) { lifecycle, first_month, last_month }, error))
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      const TenureMonthFigures *f = &months[month_index (model, first_month + (int) i)];
      const gint64 *count = lifecycle[i].count;
      double *rate = lifecycle[i].rate_pct;

      rate[TENURE_STAGE_AWARENESS] = NAN;
      rate[TENURE_STAGE_CONVERSION] = count[TENURE_STAGE_AWARENESS] != TENURE_CENTS_NULL
                                      ? ratio_pct ((double) count[TENURE_STAGE_CONVERSION],
                                                   (double) count[TENURE_STAGE_AWARENESS])
                                      : NAN;
      rate[TENURE_STAGE_PURCHASE] = ratio_pct ((double) count[TENURE_STAGE_PURCHASE],
                                               (double) count[TENURE_STAGE_CONVERSION]);
      rate[TENURE_STAGE_ACTIVATION] = ratio_pct ((double) count[TENURE_STAGE_ACTIVATION],
                                                 (double) count[TENURE_STAGE_CONVERSION]);
      rate[TENURE_STAGE_RENEWAL] = ratio_pct ((double) count[TENURE_STAGE_RENEWAL],
                                              f->customers);
      rate[TENURE_STAGE_RECOMMENDATION] = ratio_pct ((double) count[TENURE_STAGE_RECOMMENDATION],
                                                     f->nps_responses);
    }

  return g_steal_pointer (&lifecycle);
}

/* Series */

/* Takes @lifecycle, the funnels of first_month … last_month. */
static TenureMetricsSeries *
series_new (const TenureModel        *model,
            const TenureMonthFigures *months,
            TenureLifecycle          *lifecycle,
            int                       first_month,
            int                       last_month)
{
  TenureMetricsSeries *series = g_new0 (TenureMetricsSeries, 1);

  series->first_month = first_month;
  series->last_month = last_month;
  series->n_months = (guint) (last_month - first_month + 1);
  series->months = g_memdup2 (months + month_index (model, first_month),
                              sizeof (TenureMonthFigures) * series->n_months);
  series->lifecycle = lifecycle;

  return series;
}

/**
 * tenure_metrics_series:
 *
 * The figures of sections 1, 2, 5 and 6 for every month from @first_month to
 * @last_month, from one load of the workspace.
 */
TenureMetricsSeries *
tenure_metrics_series (TenureDb            *db,
                       int                  first_month,
                       int                  last_month,
                       const TenureFilter  *filter,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(TenureModel) model = NULL;
  g_autofree TenureMonthFigures *months = NULL;
  TenureLifecycle *lifecycle;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (first_month <= last_month, NULL);

  model = tenure_model_load (db, first_month, last_month, filter, TRUE, NULL, 0, NULL, NULL,
                             cancellable, error);
  if (model == NULL)
    return NULL;
  months = model_figures (model, error);
  if (months == NULL)
    return NULL;
  lifecycle = model_lifecycle (model, months, first_month, last_month, error);
  if (lifecycle == NULL)
    return NULL;

  return series_new (model, months, lifecycle, first_month, last_month);
}

void
tenure_metrics_series_free (TenureMetricsSeries *series)
{
  if (series == NULL)
    return;

  g_free (series->months);
  g_free (series->lifecycle);
  g_free (series);
}

/* The figures of @month, or NULL when it is outside the series. */
const TenureMonthFigures *
tenure_metrics_series_get (const TenureMetricsSeries *series,
                           int                        month)
{
  g_return_val_if_fail (series != NULL, NULL);

  if (month < series->first_month || month > series->last_month)
    return NULL;
  return &series->months[month - series->first_month];
}

/* The lifecycle funnel of @month, or NULL when it is outside the series. */
const TenureLifecycle *
tenure_metrics_series_get_lifecycle (const TenureMetricsSeries *series,
                                     int                        month)
{
  g_return_val_if_fail (series != NULL, NULL);

  if (month < series->first_month || month > series->last_month)
    return NULL;
  return &series->lifecycle[month - series->first_month];
}

/* One month */

static void
channel_figures_free (gpointer data)
{
  TenureChannelFigures *channel = data;

  g_free (channel->name);
  g_free (channel);
}

static int
compare_channels (gconstpointer a,
                  gconstpointer b)
{
  const TenureChannelFigures *x = *(TenureChannelFigures * const *) a;
  const TenureChannelFigures *y = *(TenureChannelFigures * const *) b;

  return strcmp (x->name, y->name);
}

static TenureChannelFigures *
lookup_channel (GHashTable *channels,
                const char *name)
{
  TenureChannelFigures *channel = g_hash_table_lookup (channels, name);

  if (channel == NULL)
    {
      channel = g_new0 (TenureChannelFigures, 1);
      channel->name = g_strdup (name);
      g_hash_table_insert (channels, channel->name, channel);
    }

  return channel;
}

static void
add_spend (int         month,
           const char *channel,
           gint64      amount_cents,
           gint64      leads,
           gpointer    user_data)
{
  lookup_channel (user_data, channel)->spend_cents += amount_cents;
}

/* Section 3 per channel. */
static gboolean
compute_acquisition (TenureModel    *model,
                     TenureMetrics  *metrics,
                     GError        **error)
{
  g_autoptr(GHashTable) channels = g_hash_table_new (g_str_hash, g_str_equal);
  int month = metrics->month;
  double margin = metrics->gross_margin_pct / 100;
  GHashTableIter iter;
  gpointer value;

  metrics->channels = g_ptr_array_new_with_free_func (channel_figures_free);

  if (!foreach_spend (model, month - 11, month, add_spend, channels, error))
    return FALSE;

  for (guint a = 0; a < model->n_accounts; a++)
    {
      const TenureModelAccount *account = &model->accounts[a];

      if (account->cohort >= month - 11 && account->cohort <= month)
        lookup_channel (channels, account->channel)->new_customers++;
    }

  g_hash_table_iter_init (&iter, channels);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TenureChannelFigures *channel = value;
      double arpa_margin = metrics->figures.arpa * margin;

      channel->cac = channel->new_customers > 0
                     ? (double) channel->spend_cents / channel->new_customers : NAN;
      channel->cac_cents = round_cents (channel->cac);
      channel->clv_cac_ratio = channel->cac > 0 ? metrics->clv / channel->cac : NAN;
      channel->payback_months = !isnan (channel->cac) && arpa_margin > 0
                                ? channel->cac / arpa_margin : NAN;
      g_ptr_array_add (metrics->channels, channel);
    }
  g_ptr_array_sort (metrics->channels, compare_channels);

  return TRUE;
}

static void
compute_value (TenureMetrics            *metrics,
               const TenureModel        *model,
               const TenureMonthFigures *months)
{
  guint churned = 0;
  guint base = 0;
  double margin = metrics->gross_margin_pct / 100;

  for (int m = metrics->month - 11; m <= metrics->month; m++)
    {
      const TenureMonthFigures *f = &months[month_index (model, m)];
      const TenureMonthFigures *prev = f - 1;

      if (prev->customers == 0)
        continue;
      churned += f->churned_customers;
      base += prev->customers;
    }

  metrics->avg_churn = base > 0 ? (double) churned / base : NAN;
  metrics->clv = metrics->avg_churn > 0 ? metrics->figures.arpa * margin / metrics->avg_churn
                                        : NAN;
  metrics->clv_cents = round_cents (metrics->clv);
}

/* The funnel of the month (from the lifecycle of the series) and TAJ retention. */
static void
compute_lifecycle (TenureMetrics         *metrics,
                   const TenureModel     *model,
                   const TenureLifecycle *lifecycle)
{
  int month = metrics->month;
  guint retained[3] = { 0 };
  guint total[3] = { 0 };

  metrics->funnel_awareness = lifecycle->count[TENURE_STAGE_AWARENESS];
  metrics->funnel_conversion = (guint) lifecycle->count[TENURE_STAGE_CONVERSION];
  metrics->funnel_purchase = (guint) lifecycle->count[TENURE_STAGE_PURCHASE];
  metrics->funnel_activation = (guint) lifecycle->count[TENURE_STAGE_ACTIVATION];
  metrics->funnel_renewal = (guint) lifecycle->count[TENURE_STAGE_RENEWAL];
  metrics->funnel_recommendation = (guint) lifecycle->count[TENURE_STAGE_RECOMMENDATION];

  for (guint a = 0; a < model->n_accounts; a++)
    {
      const TenureModelAccount *account = &model->accounts[a];

      if (account->signup_month != 0 && account->signup_month <= month - 12)
        {
          guint bucket = taj_bucket (account->jobs_30d);

          total[bucket]++;
          if (account->mrr_signup12 > 0)
            retained[bucket]++;
        }
    }

  for (guint b = 0; b < 3; b++)
    metrics->taj_retention12_pct[b] = ratio_pct (retained[b], total[b]);
}

static gboolean
compute_health (TenureMetrics       *metrics,
                TenureModel         *model,
                TenureHealthReport **health,
                GCancellable        *cancellable,
                GError             **error)
{
  double weights[TENURE_HEALTH_N_COMPONENTS];
  g_autofree TenureModelHealth *now = NULL;
  g_autofree TenureModelHealth *before = NULL;
  guint churned[TENURE_HEALTH_N_BANDS] = { 0 };
  int month = metrics->month;

  tenure_health_weights_load (model->db, weights);
  now = tenure_model_health (model, month, weights, cancellable, error);
  if (now == NULL)
    return FALSE;
  before = tenure_model_health (model, month - 3, weights, cancellable, error);
  if (before == NULL)
    return FALSE;

  for (guint a = 0; a < model->n_accounts; a++)
    {
      if (now[a].score >= 0)
        {
          metrics->health_accounts[tenure_health_band_for_score (now[a].score)]++;
          if (now[a].session_days == 0)
            {
              metrics->dormant_accounts++;
              metrics->dormant_mrr_cents += tenure_model_mrr (model, a, month);
            }
        }
      if (before[a].score >= 0)
        {
          TenureHealthBand band = tenure_health_band_for_score (before[a].score);

          metrics->backtest_accounts[band]++;
          if (tenure_model_mrr (model, a, month) == 0)
            churned[band]++;
        }
    }

  for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
    metrics->backtest_churned_pct[b] = ratio_pct (churned[b], metrics->backtest_accounts[b]);
  metrics->dormant_pct = ratio_pct (metrics->dormant_accounts, metrics->figures.customers);
  if (health != NULL)
    *health = tenure_health_report_from_model (model, month, weights, now, before);

  return TRUE;
}

TenureMetrics *
tenure_model_value_metrics (TenureModel  *model,
                            int           month,
                            double        gross_margin_pct,
                            GError      **error)
{
  g_autofree TenureMonthFigures *months = NULL;
  g_autoptr(TenureMetrics) metrics = NULL;

  g_return_val_if_fail (model->first_month <= month - 12 && month <= model->last_month, NULL);

  months = g_new0 (TenureMonthFigures, model->n_months);
  fill_revenue (model, months);

  metrics = g_new0 (TenureMetrics, 1);
  metrics->month = month;
  metrics->gross_margin_pct = gross_margin_pct;
  metrics->figures = months[month_index (model, month)];
  compute_value (metrics, model, months);
  if (!compute_acquisition (model, metrics, error))
    return NULL;

  return g_steal_pointer (&metrics);
}

/* The figures of @month and its series; with @trend, also the health trend over the
 * series' months, from the same read of the events. */
static TenureMetrics *
compute_metrics (TenureDb            *db,
                 int                  month,
                 guint                n_series_months,
                 const TenureFilter  *filter,
                 TenureHealthTrend  **trend,
                 TenureHealthReport **health,
                 TenureProgressFunc   progress,
                 gpointer             progress_data,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(TenureHealthReport) health_report = NULL;
  g_autoptr(TenureModel) model = NULL;
  g_autofree TenureMonthFigures *months = NULL;
  g_autofree TenureLifecycle *lifecycle = NULL;
  g_autoptr(TenureMetrics) metrics = NULL;
  int usage_months[TENURE_MODEL_MAX_USAGE_MONTHS] = { month, month - 3 };
  guint n_usage_months = 2;
  int first_month = month - (int) MAX (n_series_months, 1) + 1;

  g_return_val_if_fail (db != NULL, NULL);

  /* The trend's months hold month and month − 3 already. */
  if (trend != NULL)
    {
      for (guint i = 0; i < n_series_months; i++)
        usage_months[i] = first_month + (int) i;
      n_usage_months = n_series_months;
    }

  model = tenure_model_load (db, first_month, month, filter, TRUE, usage_months,
                             n_usage_months, progress, progress_data,
                             cancellable, error);
  if (model == NULL)
    return NULL;
  months = model_figures (model, error);
  if (months == NULL)
    return NULL;

  metrics = g_new0 (TenureMetrics, 1);
  metrics->month = month;
  metrics->currency = tenure_db_get_setting (db, "currency", "EUR");
  metrics->gross_margin_pct = tenure_db_get_setting_double (db, "gross_margin_pct", 80);
  metrics->figures = months[month_index (model, month)];
  lifecycle = model_lifecycle (model, months, first_month, month, error);
  if (lifecycle == NULL)
    return NULL;
  compute_lifecycle (metrics, model, &lifecycle[month - first_month]);
  if (n_series_months > 0)
    metrics->series = series_new (model, months, g_steal_pointer (&lifecycle), first_month,
                                  month);

  compute_value (metrics, model, months);
  if (!compute_acquisition (model, metrics, error))
    return NULL;
  if (!compute_health (metrics, model, health != NULL ? &health_report : NULL, cancellable,
                       error))
    return NULL;
  metrics->cohorts = model_cohorts (model, month, 12);
  if (trend != NULL)
    {
      *trend = tenure_model_health_trend (model, month, n_series_months, cancellable, error);
      if (*trend == NULL)
        return NULL;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  if (health != NULL)
    *health = g_steal_pointer (&health_report);

  return g_steal_pointer (&metrics);
}

/**
 * tenure_metrics_compute_with_series:
 * @db: the workspace
 * @month: a TENURE_MONTH ()
 * @n_series_months: 0, or the length of the series ending at @month to add
 * @filter: (nullable): the group of accounts
 * @progress: (nullable): called from this thread as the work goes
 *
 * Every figure of METRICS.md sections 1–7 and 11 for @month and, when asked, the series
 * of the months before (metrics->series), from one read of the workspace: what the
 * dashboard and the report need. A month without data is not an error: its figures are
 * 0 or null as METRICS.md defines them.
 *
 * Returns: the figures, free with tenure_metrics_free()
 */
TenureMetrics *
tenure_metrics_compute_with_series (TenureDb            *db,
                                    int                  month,
                                    guint                n_series_months,
                                    const TenureFilter  *filter,
                                    TenureProgressFunc   progress,
                                    gpointer             progress_data,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  return compute_metrics (db, month, n_series_months, filter, NULL, NULL, progress,
                          progress_data, cancellable, error);
}

/**
 * tenure_metrics_compute_with_health:
 * @health: (out) (optional): the health report of @month, as tenure_health_compute()
 *   gives it, from the same read of the workspace
 *
 * tenure_metrics_compute_with_series(), and the health list the metrics score anyway:
 * what the report needs, without reading the events twice.
 */
TenureMetrics *
tenure_metrics_compute_with_health (TenureDb             *db,
                                    int                   month,
                                    guint                 n_series_months,
                                    const TenureFilter   *filter,
                                    TenureHealthReport  **health,
                                    TenureProgressFunc    progress,
                                    gpointer              progress_data,
                                    GCancellable         *cancellable,
                                    GError              **error)
{
  return compute_metrics (db, month, n_series_months, filter, NULL, health, progress,
                          progress_data, cancellable, error);
}

/**
 * tenure_metrics_compute_with_health_trend:
 * @n_months: the length of the series and of the trend (4 … TENURE_HEALTH_TREND_MAX_MONTHS)
 * @trend: (out): the red and dormant customers of each of those months
 *
 * tenure_metrics_compute_with_series() and tenure_health_trend() together, from one
 * read of the events: what the Overview shows.
 *
 * Returns: the figures, free with tenure_metrics_free()
 */
TenureMetrics *
tenure_metrics_compute_with_health_trend (TenureDb            *db,
                                          int                  month,
                                          guint                n_months,
                                          const TenureFilter  *filter,
                                          TenureHealthTrend  **trend,
                                          GCancellable        *cancellable,
                                          GError             **error)
{
  g_autoptr(TenureHealthTrend) result = NULL;
  TenureMetrics *metrics;

  g_return_val_if_fail (n_months >= 4 && n_months <= TENURE_HEALTH_TREND_MAX_MONTHS, NULL);
  g_return_val_if_fail (trend != NULL, NULL);

  metrics = compute_metrics (db, month, n_months, filter, &result, NULL, NULL, NULL,
                             cancellable, error);
  if (metrics != NULL)
    *trend = g_steal_pointer (&result);

  return metrics;
}

/**
 * tenure_metrics_compute:
 *
 * tenure_metrics_compute_with_series() without a series.
 */
TenureMetrics *
tenure_metrics_compute (TenureDb            *db,
                        int                  month,
                        const TenureFilter  *filter,
                        GCancellable        *cancellable,
                        GError             **error)
{
  return tenure_metrics_compute_with_series (db, month, 0, filter, NULL, NULL, cancellable,
                                             error);
}

/* The source tag of the task: a function pointer would not convert to gpointer in ISO C. */
static char compute_source_tag;

typedef struct
{
  char               *path;
  int                 month;
  guint               n_series_months;
  TenureFilterKind    filter_kind;
  char               *filter_value;
  TenureProgressFunc  progress;
  gpointer            progress_data;
} ComputeData;

static void
compute_data_free (gpointer data)
{
  ComputeData *compute = data;

  g_free (compute->path);
  g_free (compute->filter_value);
  g_free (compute);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  TenureFilter filter = { data->filter_kind, data->filter_value };
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(GError) error = NULL;
  TenureMetrics *metrics;

  /* A connection of this thread's own, read-only: computing never changes a workspace. */
  db = tenure_db_open (data->path, TENURE_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  metrics = tenure_metrics_compute_with_series (db, data->month, data->n_series_months, &filter,
                                                data->progress, data->progress_data,
                                                cancellable, &error);
  if (metrics == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, metrics, (GDestroyNotify) tenure_metrics_free);
}

/**
 * tenure_metrics_compute_async:
 * @path: the workspace file, opened read-only by the worker thread
 * @progress: (nullable): called from the worker thread
 *
 * tenure_metrics_compute_with_series() in a worker thread, for the GUI.
 */
void
tenure_metrics_compute_async (const char          *path,
                              int                  month,
                              guint                n_series_months,
                              const TenureFilter  *filter,
                              TenureProgressFunc   progress,
                              gpointer             progress_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (path != NULL);

  data = g_new0 (ComputeData, 1);
  data->path = g_strdup (path);
  data->month = month;
  data->n_series_months = n_series_months;
  data->filter_kind = filter != NULL ? filter->kind : TENURE_FILTER_NONE;
  data->filter_value = filter != NULL ? g_strdup (filter->value) : NULL;
  data->progress = progress;
  data->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, &compute_source_tag);
  g_task_set_task_data (task, data, compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

TenureMetrics *
tenure_metrics_compute_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &compute_source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
tenure_metrics_free (TenureMetrics *metrics)
{
  if (metrics == NULL)
    return;

  g_free (metrics->currency);
  g_clear_pointer (&metrics->channels, g_ptr_array_unref);
  g_clear_pointer (&metrics->cohorts, tenure_cohort_matrix_free);
  g_clear_pointer (&metrics->series, tenure_metrics_series_free);
  g_free (metrics);
}

/* The figures of channel @name, or NULL when it is not listed. */
const TenureChannelFigures *
tenure_metrics_get_channel (const TenureMetrics *metrics,
                            const char          *name)
{
  g_return_val_if_fail (metrics != NULL, NULL);

  for (guint i = 0; metrics->channels != NULL && i < metrics->channels->len; i++)
    {
      const TenureChannelFigures *channel = g_ptr_array_index (metrics->channels, i);

      if (g_strcmp0 (channel->name, name) == 0)
        return channel;
    }

  return NULL;
}

/* JSON (METRICS.md section 10) */

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  if (value == TENURE_CENTS_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
add_double (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  if (key != NULL)
    json_builder_set_member_name (builder, key);
  if (isnan (value) || isinf (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

/* Starts the object member @key; end it with json_builder_end_object(). */
static void
begin_object_member (JsonBuilder *builder,
                     const char  *key)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
}

static void
add_double_array (JsonBuilder  *builder,
                  const char   *key,
                  const double *values,
                  guint         n_values)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_values; i++)
    add_double (builder, NULL, values[i]);
  json_builder_end_array (builder);
}

static void
add_cohorts (JsonBuilder              *builder,
             const TenureCohortMatrix *matrix)
{
  json_builder_set_member_name (builder, "cohorts");
  json_builder_begin_array (builder);
  for (guint c = 0; c < matrix->n_cohorts; c++)
    {
      const TenureCohort *cohort = &matrix->cohorts[c];
      char label[TENURE_MONTH_BUF];

      tenure_month_format (cohort->cohort, label);
      json_builder_begin_object (builder);
      add_string (builder, "cohort", label);
      add_int (builder, "size", cohort->size);
      add_double_array (builder, "logo_pct", cohort->logo_pct, cohort->n_ages);
      add_double_array (builder, "revenue_pct", cohort->revenue_pct, cohort->n_ages);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * tenure_metrics_to_json:
 *
 * The object of METRICS.md section 10: money in cents, rates at full precision, null
 * where a figure is undefined.
 */
JsonNode *
tenure_metrics_to_json (const TenureMetrics *metrics)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const TenureMonthFigures *f = &metrics->figures;
  char month[TENURE_MONTH_BUF];

  g_return_val_if_fail (metrics != NULL, NULL);

  tenure_month_format (metrics->month, month);
  json_builder_begin_object (builder);
  add_string (builder, "month", month);
  add_string (builder, "currency", metrics->currency);
  add_int (builder, "mrr_cents", f->mrr_cents);
  add_int (builder, "customers", f->customers);
  add_int (builder, "arpa_cents", f->arpa_cents);

  begin_object_member (builder, "movements");
  add_int (builder, "new_cents", f->new_cents);
  add_int (builder, "reactivation_cents", f->reactivation_cents);
  add_int (builder, "expansion_cents", f->expansion_cents);
  add_int (builder, "contraction_cents", f->contraction_cents);
  add_int (builder, "churn_cents", f->churn_cents);
  json_builder_end_object (builder);

  add_int (builder, "new_customers", f->new_customers);
  add_int (builder, "reactivated_customers", f->reactivated_customers);
  add_int (builder, "churned_customers", f->churned_customers);
  add_double (builder, "logo_churn_pct", f->logo_churn_pct);
  add_double (builder, "revenue_churn_pct", f->revenue_churn_pct);
  add_double (builder, "grr_pct", f->grr_pct);
  add_double (builder, "nrr_pct", f->nrr_pct);
  add_double (builder, "nrr_trailing12_pct", f->nrr_trailing12_pct);
  add_int (builder, "clv_cents", metrics->clv_cents);

  begin_object_member (builder, "channels");
  for (guint i = 0; i < metrics->channels->len; i++)
    {
      const TenureChannelFigures *channel = g_ptr_array_index (metrics->channels, i);

      begin_object_member (builder, channel->name);
      add_int (builder, "spend_cents", channel->spend_cents);
      add_int (builder, "new_customers", channel->new_customers);
      add_int (builder, "cac_cents", channel->cac_cents);
      add_double (builder, "clv_cac_ratio", channel->clv_cac_ratio);
      add_double (builder, "payback_months", channel->payback_months);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  begin_object_member (builder, "nps");
  add_double (builder, "score", f->nps_score);
  add_int (builder, "responses", f->nps_responses);
  add_int (builder, "promoters", f->nps_promoters);
  add_int (builder, "passives", f->nps_passives);
  add_int (builder, "detractors", f->nps_detractors);
  json_builder_end_object (builder);

  begin_object_member (builder, "cli");
  add_double (builder, "score", f->cli_score);
  add_int (builder, "responses", f->cli_responses);
  json_builder_end_object (builder);

  begin_object_member (builder, "taj");
  add_int (builder, "bucket_0", f->taj_bucket_0);
  add_int (builder, "bucket_1_3", f->taj_bucket_1_3);
  add_int (builder, "bucket_4_plus", f->taj_bucket_4_plus);
  begin_object_member (builder, "retention12_by_bucket");
  add_double (builder, "0", metrics->taj_retention12_pct[0]);
  add_double (builder, "1-3", metrics->taj_retention12_pct[1]);
  add_double (builder, "4+", metrics->taj_retention12_pct[2]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  add_double (builder, "signal48h_pct", f->signal48h_pct);
  add_double (builder, "ttfv_median_days", f->ttfv_median_days);
  add_double (builder, "ttfv_reached_pct", f->ttfv_reached_pct);

  begin_object_member (builder, "health");
  for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
    add_int (builder, tenure_health_band_key (b), metrics->health_accounts[b]);
  begin_object_member (builder, "backtest");
  for (guint b = 0; b < TENURE_HEALTH_N_BANDS; b++)
    {
      begin_object_member (builder, tenure_health_band_key (b));
      add_int (builder, "accounts", metrics->backtest_accounts[b]);
      add_double (builder, "churned_pct", metrics->backtest_churned_pct[b]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  add_cohorts (builder, metrics->cohorts);

  begin_object_member (builder, "funnel");
  add_int (builder, "awareness", metrics->funnel_awareness);
  add_int (builder, "conversion", metrics->funnel_conversion);
  add_int (builder, "purchase", metrics->funnel_purchase);
  add_int (builder, "activation", metrics->funnel_activation);
  add_int (builder, "renewal", metrics->funnel_renewal);
  add_int (builder, "recommendation", metrics->funnel_recommendation);
  json_builder_end_object (builder);

  begin_object_member (builder, "dormant");
  add_int (builder, "accounts", metrics->dormant_accounts);
  add_double (builder, "pct", metrics->dormant_pct);
  add_int (builder, "mrr_cents", metrics->dormant_mrr_cents);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
