"""What to draw, planned once for the window and for every exported picture. No Qt.

The events as numpy columns (`columns`), stacked into rows (`rows`) with labels that never
collide (`labels`), what one frame shows (`frame`), the two-tier calendar axis (`ticks`),
titles kept inside the right edge (`edge_labels`), eras as bands behind the events
(`eras`), a whole picture laid out in pixels
(`scene`) and split into pages (`pages`), with its palette (`palette`) and the sizes of
its marks (`sizes`).
"""
