/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What chart subclasses share: the render state, colours, text, the axis engine, hit regions. */
#pragma once

#include "tenure-chart.h"
#include "tenure-chart-math.h"

G_BEGIN_DECLS

typedef enum
{
  TENURE_CHART_TEXT_LABEL,   /* tick and category labels, legend */
  TENURE_CHART_TEXT_SMALL,   /* values on bars */
  TENURE_CHART_TEXT_TINY,    /* values inside heatmap cells */
  TENURE_CHART_TEXT_TITLE,   /* chart title */
  TENURE_CHART_TEXT_BODY,    /* empty state */
} TenureChartText;

typedef struct
{
  GdkRGBA  foreground;
  GdkRGBA  dim;
  GdkRGBA  grid;
  GdkRGBA  axis;
  GdkRGBA  background;
  GdkRGBA  accent;
  GdkRGBA  roles[TENURE_CHART_N_COLORS];
  gboolean dark;
  gboolean high_contrast;
  double   line_scale;   /* series lines and grid: wider in high contrast */
} TenureChartPalette;

struct _TenureChartRender
{
  TenureChart        *chart;
  TenureChartData    *data;
  cairo_t            *cr;
  int                 width;
  int                 height;
  TenureLanguage      language;
  TenureChartPalette  palette;
  gboolean            record_hits;
};

/* The shared axis engine: one value axis (vertical, or horizontal for bar charts)
 * and one category axis. */
/* One region of the drawing that answers tooltips and keyboard selection. */
typedef struct
{
  graphene_rect_t rect;
  int             category;
  int             series;
} TenureChartHit;

typedef struct
{
  graphene_rect_t plot;
  TenureTicks     ticks;
  graphene_rect_t area;
  guint           n_categories;
  guint           label_every;
  double          category_label_width;
  double          category_label_limit;   /* named categories are ellipsized to it; 0: none */
  guint           category_lines;         /* lines a category label may wrap to (bars) */
  gboolean        horizontal;
  gboolean        staggered;
} TenureChartAxes;

void         tenure_chart_render_set_color      (TenureChartRender     *render,
                                                 const GdkRGBA         *color,
                                                 double                 alpha);
const GdkRGBA *tenure_chart_render_series_color (TenureChartRender     *render,
                                                 guint                  series);
const GdkRGBA *tenure_chart_render_role_color   (TenureChartRender     *render,
                                                 TenureChartColor       role);
PangoLayout *tenure_chart_render_layout         (TenureChartRender     *render,
                                                 const char            *text,
                                                 TenureChartText        style);
void         tenure_chart_layout_size           (PangoLayout           *layout,
                                                 double                *width,
                                                 double                *height);
void         tenure_chart_render_text           (TenureChartRender     *render,
                                                 PangoLayout           *layout,
                                                 double                 x,
                                                 double                 y,
                                                 double                 xalign,
                                                 double                 yalign,
                                                 const GdkRGBA         *color);
double       tenure_chart_render_line_height    (TenureChartRender     *render,
                                                 TenureChartText        style);
char        *tenure_chart_render_format         (TenureChartRender     *render,
                                                 double                 value,
                                                 TenureFormatFlags      flags);
void         tenure_chart_add_hit               (TenureChartRender     *render,
                                                 const graphene_rect_t *rect,
                                                 int                    category,
                                                 int                    series);
gboolean     tenure_chart_render_is_selected    (TenureChartRender     *render,
                                                 int                    category,
                                                 int                    series);

void         tenure_chart_axes_layout           (TenureChartRender     *render,
                                                 const graphene_rect_t *area,
                                                 double                 min,
                                                 double                 max,
                                                 gboolean               horizontal,
                                                 double                 end_room,
                                                 TenureChartAxes       *axes);
double       tenure_chart_axes_position         (const TenureChartAxes *axes,
                                                 double                 value);
void         tenure_chart_axes_band             (const TenureChartAxes *axes,
                                                 guint                  category,
                                                 double                *start,
                                                 double                *size);
void         tenure_chart_axes_draw             (TenureChartRender     *render,
                                                 const TenureChartAxes *axes);
void         tenure_chart_draw_target           (TenureChartRender     *render,
                                                 const TenureChartAxes *axes);

char        *tenure_chart_describe_trend        (TenureChart           *self);
char        *tenure_chart_describe_list         (TenureChart           *self);

void         tenure_chart_render_init           (TenureChartRender     *render,
                                                 TenureChart           *self,
                                                 cairo_t               *cr,
                                                 int                    width,
                                                 int                    height);
void         tenure_chart_palette_init          (TenureChart           *self,
                                                 TenureChartPalette    *palette);
void         tenure_chart_set_legend_lines      (TenureChart           *self,
                                                 gboolean               lines);
gboolean     tenure_chart_get_legend_lines      (TenureChart           *self);
GArray      *tenure_chart_get_hits              (TenureChart           *self);
void         tenure_chart_draw_legend           (TenureChartRender     *render,
                                                 graphene_rect_t       *area);

G_END_DECLS
