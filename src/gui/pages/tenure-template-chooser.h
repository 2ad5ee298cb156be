/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "New Scenario" window: a blank scenario or one of the built-in templates. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TENURE_TYPE_TEMPLATE_CHOOSER (tenure_template_chooser_get_type ())

G_DECLARE_FINAL_TYPE (TenureTemplateChooser, tenure_template_chooser,
                      TENURE, TEMPLATE_CHOOSER, AdwWindow)

GtkWidget *tenure_template_chooser_new    (GtkWindow             *parent);
void       tenure_template_chooser_choose (TenureTemplateChooser *self,
                                           const char            *template_id);
guint      tenure_template_chooser_get_n_choices (TenureTemplateChooser *self);

G_END_DECLS
