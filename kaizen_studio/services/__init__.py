"""The use cases of Kaizen Studio, shared by the GUI and the command line. No Qt."""
