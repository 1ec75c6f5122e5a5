"""Reading a case: the file with positions, the model, validation, several detainees."""
