/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the Overview, Revenue and Cohorts pages load: the month's metrics and its series. */
#pragma once

#include "tenure-chart-data.h"
#include "tenure-health.h"
#include "tenure-metrics.h"
#include "tenure-page.h"

G_BEGIN_DECLS

/* The months of the trends: the month and the twelve before it. */
#define TENURE_DASHBOARD_MONTHS 13

typedef double (*TenureFigureGetter) (const TenureMonthFigures *figures);

typedef struct
{
  TenureMetrics *metrics;            /* with a series of TENURE_DASHBOARD_MONTHS months */
  gint64         target_mrr_cents;   /* the workspace's target_mrr_cents, or TENURE_CENTS_NULL */
  TenureHealthTrend *health;         /* red and dormant customers over the same months, when
                                      * asked for; else NULL */
} TenureDashboard;

void             tenure_dashboard_load_async   (TenurePage           *page,
                                                gboolean              with_health,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
TenureDashboard *tenure_dashboard_load_finish  (GAsyncResult         *result,
                                                GError              **error);
void             tenure_dashboard_show_loading (TenurePage           *page,
                                                GtkStack             *stack);
char            *tenure_dashboard_format_percent (double              percent,
                                                  TenureFormatFlags   flags);
char            *tenure_dashboard_format_money (gint64                cents,
                                                const char           *currency,
                                                TenureFormatFlags     flags);
TenureChartData *tenure_dashboard_trend        (const TenureMetrics  *metrics,
                                                TenureUnit            unit,
                                                const char           *name,
                                                TenureChartColor      color,
                                                TenureFigureGetter    get);
void             tenure_dashboard_free         (TenureDashboard      *dashboard);

/* What the Overview, Revenue and Cohorts pages share: a template whose stack has the
 * children "loading", "empty", "error" (an AdwStatusPage) and "figures". */
void             tenure_dashboard_page_class_init (TenurePageClass   *page_class,
                                                   const char        *resource,
                                                   void             (*reload) (TenurePage *page));
void             tenure_dashboard_page_dispose  (GObject             *object);
void             tenure_dashboard_page_reload   (TenurePage          *page,
                                                 GtkStack            *stack,
                                                 gboolean             with_health,
                                                 GAsyncReadyCallback  callback);
TenureDashboard *tenure_dashboard_page_finish   (TenurePage          *page,
                                                 GAsyncResult        *result,
                                                 GtkStack            *stack,
                                                 AdwStatusPage       *error_page);
void             tenure_dashboard_page_show     (TenurePage          *page,
                                                 GAsyncResult        *result,
                                                 GtkStack            *stack);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureDashboard, tenure_dashboard_free)

G_END_DECLS
