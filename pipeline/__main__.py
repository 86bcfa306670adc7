from pipeline.start import entry

entry()
