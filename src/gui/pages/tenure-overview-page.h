/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The month at a glance: key figures with their trends, the MRR bridge and the lifecycle. */
#pragma once

#include "tenure-metrics.h"
#include "tenure-page.h"

G_BEGIN_DECLS

#define TENURE_TYPE_OVERVIEW_PAGE (tenure_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (TenureOverviewPage, tenure_overview_page, TENURE, OVERVIEW_PAGE, TenurePage)

typedef enum
{
  TENURE_OVERVIEW_MRR,
  TENURE_OVERVIEW_NRR,
  TENURE_OVERVIEW_LOGO_CHURN,
  TENURE_OVERVIEW_NPS,
  TENURE_OVERVIEW_TAJ,
  TENURE_OVERVIEW_SIGNAL48H,
  TENURE_OVERVIEW_AT_RISK,
  TENURE_OVERVIEW_DORMANT,
  TENURE_OVERVIEW_N_CARDS,
} TenureOverviewCard;

GtkWidget *tenure_overview_page_get_card         (TenureOverviewPage *self,
                                                  TenureOverviewCard  card);
GtkWidget *tenure_overview_page_get_bridge_chart (TenureOverviewPage *self);
const char *tenure_overview_page_get_stage_count (TenureOverviewPage *self,
                                                  TenureStage         stage);
const char *tenure_overview_page_get_stage_rate  (TenureOverviewPage *self,
                                                  TenureStage         stage);
GtkWidget  *tenure_overview_page_get_stage_trend (TenureOverviewPage *self,
                                                  TenureStage         stage);

G_END_DECLS
