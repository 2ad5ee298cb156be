/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A key figure in a card: title, value, change, a trend sparkline and a one-line explanation. */
#pragma once

#include <gtk/gtk.h>

#include "tenure-chart-data.h"

G_BEGIN_DECLS

/* How a page shows a key figure:
 *
 *   card = tenure_kpi_card_new (_("Recurring revenue"));
 *   tenure_kpi_card_set_explanation (card, _("What customers pay each month"));
 *   tenure_kpi_card_set_value (card, "48 250 €");          (NULL shows "—")
 *   tenure_kpi_card_set_detail (card, _("+2.1 % vs last month"));
 *   tenure_kpi_card_set_trend (card, data);                 (NULL hides the sparkline)
 *
 * The explanation is the card's tooltip and accessible description; a null value
 * should come with an explanation saying why it is missing. */

#define TENURE_TYPE_KPI_CARD (tenure_kpi_card_get_type ())

G_DECLARE_FINAL_TYPE (TenureKpiCard, tenure_kpi_card, TENURE, KPI_CARD, GtkWidget)

GtkWidget  *tenure_kpi_card_new             (const char       *title);
const char *tenure_kpi_card_get_title       (TenureKpiCard    *self);
void        tenure_kpi_card_set_title       (TenureKpiCard    *self,
                                             const char       *title);
const char *tenure_kpi_card_get_value       (TenureKpiCard    *self);
void        tenure_kpi_card_set_value       (TenureKpiCard    *self,
                                             const char       *value);
const char *tenure_kpi_card_get_detail      (TenureKpiCard    *self);
void        tenure_kpi_card_set_detail      (TenureKpiCard    *self,
                                             const char       *detail);
const char *tenure_kpi_card_get_explanation (TenureKpiCard    *self);
void        tenure_kpi_card_set_explanation (TenureKpiCard    *self,
                                             const char       *explanation);
void        tenure_kpi_card_set_trend       (TenureKpiCard    *self,
                                             TenureChartData  *trend);
GtkWidget  *tenure_kpi_card_get_sparkline   (TenureKpiCard    *self);
void        tenure_kpi_card_set_extra       (TenureKpiCard    *self,
                                             GtkWidget        *extra);

G_END_DECLS
