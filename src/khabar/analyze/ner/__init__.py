"""Arabic named-entity tagging: a CRF over clitic-segmented tokens plus gazetteer and trigger rules."""
