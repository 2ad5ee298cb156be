/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Account health scores (METRICS.md section 7): components, drivers, bands and back-test. */
#pragma once

#include <gio/gio.h>

#include "tenure-db.h"
#include "tenure-metrics.h"

G_BEGIN_DECLS

typedef enum
{
  TENURE_HEALTH_USAGE,
  TENURE_HEALTH_JOBS,
  TENURE_HEALTH_SENTIMENT,
  TENURE_HEALTH_SUPPORT,
  TENURE_HEALTH_TREND,
  TENURE_HEALTH_N_COMPONENTS,
} TenureHealthComponent;

/* One customer of the month, with what the Accounts page and the report show. */
typedef struct
{
  gint64                 account_id;
  char                  *external_id;
  char                  *name;          /* nullable */
  char                  *owner;         /* nullable */
  char                  *segment;       /* nullable */
  char                  *plan;          /* nullable */
  char                  *channel;
  gint64                 mrr_cents;
  int                    score;         /* 0 … 100 */
  TenureHealthBand       band;
  double                 components[TENURE_HEALTH_N_COMPONENTS];   /* 0 … 1 */
  TenureHealthComponent  drivers[TENURE_HEALTH_N_COMPONENTS];      /* worst first */
  guint                  session_days;  /* distinct days with a session, last 30 days */
  gboolean               dormant;       /* no session in the last 30 days (section 11) */
} TenureAccountHealth;

typedef struct
{
  int        month;
  double     weights[TENURE_HEALTH_N_COMPONENTS];
  GPtrArray *accounts;                            /* TenureAccountHealth, worst first */
  guint      band_accounts[TENURE_HEALTH_N_BANDS];
  /* Customers of M − 3 scored as of M − 3, and the share of them with no MRR at M. */
  guint      backtest_accounts[TENURE_HEALTH_N_BANDS];
  double     backtest_churned_pct[TENURE_HEALTH_N_BANDS];   /* nullable */
} TenureHealthReport;

/* @weights, @components and @drivers are arrays of TENURE_HEALTH_N_COMPONENTS items. */
void                tenure_health_weights_load    (TenureDb                  *db,
                                                   double                    *weights);
gboolean            tenure_health_weights_check   (const double              *weights,
                                                   GError                   **error);
gboolean            tenure_health_weights_save    (TenureDb                  *db,
                                                   const double              *weights,
                                                   GError                   **error);
double              tenure_health_default_weight  (TenureHealthComponent      component);
int                 tenure_health_score           (const double              *components,
                                                   const double              *weights);
TenureHealthBand    tenure_health_band_for_score  (int                        score);
void                tenure_health_drivers         (const double              *components,
                                                   const double              *weights,
                                                   TenureHealthComponent     *drivers);
const char         *tenure_health_component_name  (TenureHealthComponent      component);
const char         *tenure_health_component_key   (TenureHealthComponent      component);
const char         *tenure_health_band_name       (TenureHealthBand           band);
const char         *tenure_health_band_key        (TenureHealthBand           band);

TenureHealthReport *tenure_health_compute         (TenureDb                  *db,
                                                   int                        month,
                                                   const TenureFilter        *filter,
                                                   GCancellable              *cancellable,
                                                   GError                   **error);
TenureMetrics      *tenure_metrics_compute_with_health (TenureDb             *db,
                                                   int                   month,
                                                   guint                 n_series_months,
                                                   const TenureFilter   *filter,
                                                   TenureHealthReport  **health,
                                                   TenureProgressFunc    progress,
                                                   gpointer              progress_data,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
/* The same with @weights instead of the workspace's (NULL: the workspace's). */
TenureHealthReport *tenure_health_compute_with_weights (TenureDb             *db,
                                                   int                        month,
                                                   const TenureFilter        *filter,
                                                   const double              *weights,
                                                   GCancellable              *cancellable,
                                                   GError                   **error);
void                tenure_health_report_free     (TenureHealthReport        *report);

/* Red accounts and dormant customers month by month, for the dashboard's trends. */
#define TENURE_HEALTH_TREND_MAX_MONTHS 13

typedef struct
{
  int     first_month;
  guint   n_months;
  guint  *red_accounts;                           /* customers in the red band */
  guint  *dormant_accounts;                       /* customers without a session in 30 days */
  gint64 *dormant_mrr_cents;
} TenureHealthTrend;

TenureHealthTrend  *tenure_health_trend           (TenureDb                  *db,
                                                   int                        last_month,
                                                   guint                      n_months,
                                                   const TenureFilter        *filter,
                                                   GCancellable              *cancellable,
                                                   GError                   **error);
void                tenure_health_trend_free      (TenureHealthTrend         *trend);
/* The month's metrics with its series and the trend, from one read of the events. */
TenureMetrics      *tenure_metrics_compute_with_health_trend (TenureDb       *db,
                                                   int                        month,
                                                   guint                      n_months,
                                                   const TenureFilter        *filter,
                                                   TenureHealthTrend        **trend,
                                                   GCancellable              *cancellable,
                                                   GError                   **error);

/* The red accounts, worst first, at most @limit of them (0: all). Borrowed pointers. */
GPtrArray          *tenure_health_report_at_risk  (const TenureHealthReport  *report,
                                                   guint                      limit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureHealthReport, tenure_health_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureHealthTrend, tenure_health_trend_free)

G_END_DECLS
