/* atlas-facet-choice.c: one country or company to tick, with its count
 *
 * The sidebar and All Countries / All Companies show their choices alike:
 * a check button holding the name, and the number of articles beside it.
 * The counts change under the user's hand, so setting them never sends
 * "toggled": only a person ticking does.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-facet-choice.h"

/* The name, for when it is cut short. Asked for only when a tooltip is
 * about to show: setting a tooltip's text asks the X server where the
 * pointer is, a round trip for each of the rows a filter change renames. */
static gboolean
on_query_tooltip (GtkWidget  *check,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  GtkLabel   *name)
{
  const char *text = gtk_label_get_text (name);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* `on_toggled` is connected to the check button's "toggled". */
GtkWidget *
atlas_facet_choice_new (GCallback on_toggled,
                        gpointer  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), name);
  gtk_widget_set_hexpand (check, TRUE);
  gtk_widget_set_has_tooltip (check, TRUE);
  g_signal_connect_object (check, "query-tooltip", G_CALLBACK (on_query_tooltip), name, 0);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "facet-count");
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), count);
  g_object_set_data (G_OBJECT (box), "toggled-handler",
                     GUINT_TO_POINTER (g_signal_connect (check, "toggled", on_toggled, user_data)));
  return box;
}

GtkCheckButton *
atlas_facet_choice_get_check (GtkWidget *choice)
{
  return GTK_CHECK_BUTTON (gtk_widget_get_first_child (choice));
}

/* Names come from feeds: plain text. */
void
atlas_facet_choice_set_name (GtkWidget  *choice,
                             const char *name)
{
  GtkWidget *check = GTK_WIDGET (atlas_facet_choice_get_check (choice));
  GtkLabel *label = GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (check)));

  if (g_strcmp0 (gtk_label_get_text (label), name) == 0)
    return;
  gtk_label_set_text (label, name);
  /* GTK 4.8 does not name a check button by the label it holds. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* A choice with no article under the rest of the filter is dimmed, unless
 * it is ticked (so that it can be unticked). */
void
atlas_facet_choice_set_count (GtkWidget *choice,
                              guint      count,
                              gboolean   selected)
{
  GtkCheckButton *check = atlas_facet_choice_get_check (choice);
  g_autofree char *number = NULL;
  g_autofree char *description = NULL;
  gulong toggled = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (choice), "toggled-handler"));
  /* What it shows, so that the thousands of choices a filter change leaves
   * as they were cost nothing. */
  gsize shown = ((gsize) count << 1 | (selected ? 1 : 0)) + 1;

  if (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (choice), "shown")) == shown &&
      gtk_check_button_get_active (check) == selected)
    return;
  g_object_set_data (G_OBJECT (choice), "shown", GSIZE_TO_POINTER (shown));
  number = g_strdup_printf ("%'u", count);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u article", "%'u articles", count), count);
  g_signal_handler_block (check, toggled);
  gtk_check_button_set_active (check, selected);
  g_signal_handler_unblock (check, toggled);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (choice)), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_set_sensitive (choice, count > 0 || selected);
}
