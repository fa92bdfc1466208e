"""Tables, enums and pure rules of the workshop method. No Qt, no I/O."""
