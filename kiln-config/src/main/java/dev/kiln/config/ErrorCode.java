package dev.kiln.config;

/**
 * The catalogue of kiln's coded messages: every error a user can act on has one code here.
 *
 * <p>Each message says what was expected, what was found and what to try. Placeholders are
 * {@code {0}}, {@code {1}}, ... in order; {@link #format} refuses a wrong number of arguments,
 * and a test checks that codes are unique and placeholders contiguous.
 *
 * <p>Ranges, so that modules do not collide: E001–E099 the config language and registries,
 * E100–E199 kiln-nn, E200–E299 kiln-train, E300–E399 kiln-text, E400–E499 the CLI.
 */
public enum ErrorCode {
  // --- config syntax (E001-E019)
  E001("{0}: line {1}: a key appears before any [section]. Put it under a section header such as [paths]."),
  E002("{0}: line {1}: the section header \"{2}\" is not closed. Write it as [{3}]."),
  E003("{0}: line {1}: duplicate key \"{2}\" in section [{3}] (first set on line {4}). Remove one of them."),
  E004("{0}: line {1}: duplicate section [{2}] (first on line {3}). Merge the two sections."),
  E005("{0}: line {1}: expected \"key = value\", found \"{2}\". Add \"=\" between key and value, or comment the line out with #."),
  E006("{0}: line {1}: section [{2}] needs \"{3}\" in [{4}] to be a section, but it holds a value (line {5}). Rename the section or the key."),
  E007("{0}: line {1}: the section name \"{2}\" is not valid: {3}."),
  E008("{0}: line {1}: section [{2}] nests in [{3}], which is not defined. Add a [{3}] section or fix the name."),
  // --- interpolation and overrides (E020-E039)
  E020("{0}: the reference $'{'{1}'}' names nothing: no key \"{2}\" in section [{3}]. Available there: {4}"),
  E021("{0}: the reference $'{'{1}'}' names nothing: no section [{2}]. Sections: {3}"),
  E022("{0}: references form a cycle: {1}. Break the cycle by writing one value out."),
  E023("{0}: the reference $'{'{1}'}' inside a string names the section [{1}]; only values can be put inside text. Reference the whole value on its own instead."),
  E024("override {0}: there is no such key in the config. Overrides may only change existing keys{1}."),
  E025("override {0}: expected a dotted path \"section.key\", found \"{1}\". Write it as --section.key value.{2}"),
  E026("override {0}: {1} is a section, so it cannot be replaced by a value. Override one of its keys instead: {2}."),
  E027("{0}: line {1}: the reference \"{2}\" is malformed: {3}. Write $'{'section.key'}', or $$ for a literal $."),
  E028("override {0}: the reference \"{1}\" is malformed: {2}. Write $'{'section.key'}', or $$ for a literal $."),
  // --- registries and resolution (E040-E079)
  E040("unknown registry category \"{0}\". Known categories: {1}."),
  E041("{0}: \"{1}\" is not registered in @{2}.{3} Run \"kiln registry list {2}\" to see every name."),
  E042("{0} has {1} problem(s):\n{2}"),
  E043("{0}: {1} is registered twice in @{2} ({3} and {4}). Give one of them a new version."),
  E044("plugin {0}: {1}. Pass a .jar, a folder of classes or a single .java file to --code."),
  E045("plugin {0} does not compile:\n{1}"),
  E046("{0}: a section may call one registered function, found {1}. Keep one @category key."),
  E047("{0}: expected {1}, found {2}. Change the value to {1}."),
  E048("{0}: {1} does not fit in {2} (from {3} to {4}). Use a value inside that range."),
  E049("{0}: expected a whole number ({1}), found {2}. Remove the fractional part."),
  E050("{0}: \"{1}\" is not one of the allowed values: {2}. Use one of them (case does not matter)."),
  E051("{0}: missing required argument \"{1}\" ({2}) of {3}. Add {1} = ... to the section."),
  E052("{0}: unknown argument \"{1}\" for {2}. Accepted: {3}.{4} Remove it or correct its spelling."),
  E053("{0}: {1} rejected its arguments: {2}"),
  E054("{0}: expected {1}, found null. Give a value; only optional arguments may be null."),
  E055("{0}: {1} takes {2} positional argument(s), found {3}. Pass the others by name."),
  E056("{0}: argument \"{1}\" of {2} is given both by position and by name. Keep one of them."),
  E057("{0}: \"{1}\" is not a valid file path ({2}). Correct the path."),
  E058("{0}: unknown registry category \"@{1}\".{2} Known categories: {3}."),
  E059("{0}: the registered name \"{1}\" has no version. Register it as \"{1}.v1\": names never change meaning, so a changed function gets the next version."),
  E060("a registry provider cannot be loaded: {0}. Check the class names listed in META-INF/services/dev.kiln.config.RegistryProvider of the --code entries."),
  // --- reading files (E080-E099)
  E080("{0}: cannot read the file: {1}. Check the path and its permissions."),
  E081("{0}: the file is not valid UTF-8 text near byte {1}. Save it as UTF-8."),
  E082("{0}: line {1}: the file is not valid UTF-8 text. Save it as UTF-8."),
  E083("{0}: the file is not the JSON kiln wrote: {1}. Save the model again with kiln train, or restore the file."),
  // --- spaCy's names and settings that kiln does not have (E084-E085)
  E084("{0}: \"{1}\" is spaCy''s, and kiln has no @{2} of that name: {3}."),
  E085("no_output_layer = true asks spaCy''s bag of n-grams for raw scores, but kiln''s always ends in a softmax (exclusive classes) or sigmoid, as spaCy''s does with false, and its loss and scores expect probabilities. Set no_output_layer = false."),
  // --- kiln-nn arrays, layers and models (E100-E149)
  E100("layer {0}: the dimension {1} is not set. Give it to the layer (e.g. {1} = 128) or initialize the model with sample data."),
  E101("layer {0}: the dimension {1} is {2}, the data says {3}. Make {1} of the layer match the data, or leave it unset so initialize can infer it."),
  E102("layer {0}: there is no dimension {1}. Its dimensions: {2}."),
  E103("layer {0}: the parameter {1} is not allocated. Call initialize(X, Y) on the model before using it."),
  E104("layer {0}: there is no parameter {1}. Its parameters: {2}."),
  E105("layer {0}: expected {1}, got {2}."),
  E106("layer {0}: {1} must be {2}, got {3}."),
  E107("layer {0}: there is no reference {1}. Its references: {2}."),
  E108("layer {0}: a {1}×{1} window with stride {2} and padding {3} does not fit an input of {4}×{5} pixels. Use a smaller window or more padding, or check the image size given to the Reshape before it."),
  E109("layer {0}: rows of {1} values cannot be shaped as {2}: height × width × channels must equal the row width. Set height, width and channels to the size of the images."),
  E110("layer {0}: unknown activation \"{1}\". Use one of {2}."),
  E111("an array of shape {0} would hold {1} values, more than a Java array holds ({2}). Use smaller inputs (images of fewer pixels, rows of fewer features) or smaller batches."),
  // --- kiln-nn optimizers, schedules, losses, batching, safetensors (E150-E199)
  E120("{0}: the saved weights do not fit this model: the model has {1}, the file has {2}. Load them into a model built from the config they were saved with."),
  E150("{0}: not a valid safetensors file: {1}. Re-export the weights, or check that the file was copied completely."),
  E151("{0}: the safetensors header is not valid: {1}."),
  E152("{0}: tensor \"{1}\": {2}."),
  E153("{0}: no tensor named \"{1}\". Tensors in the file: {2}."),
  E154("{0}: cannot write the file: {1}. Check that the folder exists and is writable."),
  E160("schedule {0}: {1} must be {2}, got {3}."),
  E161("schedule {0}: scores must be given in step order; got a score for step {1} after one for step {2}."),
  E165("optimizer state {0}: {1}. Resume from a checkpoint written by the same optimizer and model."),
  E166("optimizer {0}: {1} is {2} at step {3}, but must be {4}. Fix the value in the optimizer''s section (or the parameters of its schedule)."),
  E170("loss {0}: guesses have shape {1} but the truths give {2}. Check that the output layer has one column per class."),
  E171("loss {0}: {1} must lie in [0, 1], found {2} at row {3}. Apply a softmax (or sigmoid) before this loss."),
  E172("loss {0}: {1} must be {2}, got {3}."),
  E173("loss {0}: class id {1} at row {2} is outside 0..{3}. Check the labels against the output width."),
  E174("loss {0}: label \"{1}\" at row {2} is not one of the names: {3}. Add it to names, or fix the data."),
  E180("batching: {0} must be {1}, got {2}."),
  // --- kiln-train: corpora, batches, the loop (E200-E299)
  E200("Could not create any training batches (pass {0} over the training corpus gave none): check your input. Is the corpus empty, or does the batcher discard every example (discard_oversize)? Are the train and dev paths defined?"),
  E201("[training] max_epochs = {0} is not valid: use 0 for no limit, a positive number of epochs, or -1 to stream the corpus without loading it."),
  E202("cannot resume: the training stream was at batch {0} of pass {1}, but that pass now has only {2} batches. Did the training data change? Pass --resume-force to start over from the last pass."),
  E203("batch {0} of epoch {1} is empty. Set [training] on_empty_batch = \"warn\" or \"ignore\" to skip empty batches."),
  E204("[training.score_weights] weighs the metric \"{0}\", but the pipeline reports no such score. Available scores: {1}. Fix the name, or remove it from score_weights."),
  E205("[training.score_weights] weighs the metric \"{0}\", whose value is a {1}, not a number. Give it a null weight to log it without weighing it."),
  E206("get_length = {0}: kiln batchers measure each record by its own length and take no length function. Set get_length = null or remove it."),
  E207("the evaluation corpus {0} has no examples to evaluate on. Check its path, or set [training] on_empty_stream = \"warn\" or \"ignore\" to go on with zero scores."),
  E208("[training] {0} = {1} is not valid: it must be {2}."),
  E209("the dropout rate is {0} at step {1}, but it must be in [0, 1). Fix dropout in [training] ([distillation] when distilling), or the parameters of its schedule."),
  E210("{0} is incomplete: it has no manifest.json, so it was not written to the end. Use another checkpoint (model-best, model-last) or train again."),
  E211("{0} does not match its manifest: {1}. The files were changed or damaged after saving; use another checkpoint or train again."),
  E212("cannot write {0}: {1}. Check free disk space and permissions of the output directory."),
  E213("cannot resume from {0}: the training state is not readable ({1}). Resume from another checkpoint, or train again without --resume."),
  E214("hook {0}: {1} must be {2}, got {3}."),
  E215("[{0}] is not a corpus: each entry under [corpora] calls a reader (@readers = \"kiln.TextJsonl.v1\" and its path, for one) or is a section of such entries. Add the reader, or remove the entry."),
  E216("[components.{0}] takes its component from {1}, but that pipeline has no component \"{2}\" (it has: {3}). Name one of them with component = \"NAME\", or source another pipeline."),
  E217("a reader''s limit is {0}, but it must be at least 0: the most examples to read, or 0 for all of them."),
  E218("[components.{0}] source = \"{1}\": there is no such directory. Give the path of a trained pipeline (a model-best or model-last folder)."),
  E219("{0} is a pipe, not a file: kiln reads its data more than once (to initialize, then every epoch or evaluation) and records each data file''s SHA-256 in meta.json, and a pipe gives its data once. Save the data to a file and give that path."),
  E220("[components.{0}] names no factory: add factory = \"NAME\" (one of: {1}), or source = \"path/to/model-best\" to take it from a trained pipeline."),
  E221("[nlp] pipeline names \"{0}\", but there is no [components.{0}] section. Components: {1}."),
  E222("[training] {0} names the component \"{1}\", which is not in the pipeline ({2})."),
  E223("{0} = \"{1}\" names nothing: there is no section [{1}] in the config. Define it, e.g. [corpora.train] with @readers = ..., or fix the dot name."),
  E224("the pipeline has no component to train (it has: {0}). Add a trained component (textcat, tagger, ner, a classifier); a sentencizer has no weights, and components in [training] frozen_components are not trained."),
  E225("cannot resume from {0}: {1}. Train without --resume to start over, or pass --resume-force to resume anyway."),
  E226("{0} is not a kiln pipeline directory: {1}. Pass a model-best or model-last folder written by kiln train."),
  E227("[components.{0}] factory = \"{1}\" is not a factory kiln knows.{2} Known factories: {3}."),
  E228("{0}: the saved component has {1} {2} but its weights score {3} classes; its files do not belong together. Save the model again with kiln train."),
  E229("component {0}: the records have {1} features each, but the model was trained on {2}. Give it data of the shape it was trained on (images of the same size and colours, the same feature columns)."),
  E230("component {0}: every record needs {1} features, but record {3} of a batch has {2}. Make every row of the data the same width."),
  E231("component {0}: the label \"{1}\" was not seen when the labels were collected ({2}). Train on data that has every label, or fix the label."),
  E232("{0}: not an IDX file of unsigned bytes (magic number {1}). Pass the MNIST-style .idx or .idx.gz files."),
  E233("{0}: the IDX file is damaged: {1}. Download or copy it again."),
  E234("{0} has {1} images but {2} has {3} labels. Pass the labels file that belongs to the images."),
  E235("{0}: label {2} of item {1} has no name: label_names lists only {3}. Add the missing names."),
  E236("{0}: line {1}: {2}. Each line must be '{'\"features\": [numbers], \"label\": \"name\"'}'."),
  E237("{0}: its header gives {1} dimension(s), but an IDX {2} file has {3}. Are the images and labels files swapped?"),
  E238("label_names names \"{0}\" twice: each class id needs its own name. Give every name once."),
  E239("component {0} reads {1} records, not {2}: the pipeline was trained on another kind of data. Load it as a pipeline of {1} records (Doc for text, Labeled for images and vectors, TableRow for tables)."),
  E240("the teacher pipeline has no component \"{0}\" (it has {1}). Map each student component to a teacher component in [distillation.student_to_teacher]."),
  E241("component {0} cannot learn from the teacher component {1}: it needs a teacher of its own kind ({2})."),
  E242("the teacher component {0} reads {1} records, but the distillation corpus gives {2} records. Distil from a teacher trained on the same kind of data as this corpus."),
  E243("component {0} of the student cannot learn from a teacher: kiln distill trains kiln.classifier and kiln.image_classifier components so far. Add it to [training] frozen_components, or remove it from the student."),
  E244("[distillation.student_to_teacher] maps \"{0}\", but the student has no such component (it has {1}). Map the student''s component names."),
  E245("--output {0} holds the teacher {1}: distilling would replace it. Give another --output."),
  E246("the student config has no [distillation] section, which says how to distil: add one with corpus = \"corpora.NAME\", a [distillation.batcher] and a [distillation.optimizer] (spaCy''s keys; the README lists them)."),
  E247("component {0} listens to the tok2vec \"{1}\", which is in [training] frozen_components and so hands its listeners nothing while they train. Add \"{1}\" to annotating_components as well (it then sets its vectors on every batch), or unfreeze it."),
  E248("the training corpus {0} has no examples: there is nothing to initialize the components from or to train on. Check the data (a CSV file needs rows below its header; a JSONL file, one example per line) and the [paths] the corpus reads."),
  E249("{0} is being written by another kiln run (a kiln train or distill, or a Java training session): two runs in one output directory would replace each other''s checkpoints. Wait for it to end, or give another --output."),
  // --- image readers and the classifier of feature vectors (E250-E269)
  E250("{0}: cannot read the image: {1}. Check that it is a PNG or JPEG file, move it out of the folder, or set on_bad_image = \"warn\" or \"ignore\" to skip unreadable images (they are counted)."),
  E251("{0}: {1}. Pass a folder with one sub-folder per class, named by the label, holding PNG or JPEG files."),
  E252("{0}: the image is {1}×{2} pixels, expected {3}×{4}. Set resize = true, set width and height to the size of the images, or set on_bad_image = \"warn\" or \"ignore\" to skip such images."),
  E253("reader {0}: {1} must be {2}, got {3}."),
  E254("component {0}: record {1} of the training corpus has no label, and the classifier learns from labels. Give every training record a \"label\" (records without one serve only as inputs to distil from a teacher)."),
  E279("{0}: the image is {1}×{2} pixels, {3} in all, more than the {4} kiln decodes in one image (the limit of Python''s PIL): decoded, it could exhaust memory, and it is read at {5}×{6} anyway. Shrink the image, move it out of the folder, or set on_bad_image = \"warn\" or \"ignore\" to skip such images (they are counted)."),
  E263("component {0}: {1} holds images of {2} pixels (height×width×channels), but the model was trained on images of {3}: it would read them as noise, even where the pixel counts agree. Give it images of {3} (for an image folder, its reader''s width and height resize them), or train a model on these."),
  E264("component {0}: {1} holds images of {2} pixels (height×width×channels), but the model''s kiln.Reshape.v1 layer reads each row as an image of {3}. Set the layer''s height, width and channels to the images'' shape, or give it images of {3}."),
  // --- reading a pipeline that a run is rewriting (E265)
  E265("{0} was replaced by a newer version while it was being read ({1}): a kiln run is rewriting it (a model-last is replaced at every evaluation), and a pipeline read across two versions could mix their components. Try again, read the run''s model-best (replaced only when the score improves), or read it once the run has finished."),
  // --- spaCy's scorer setting of a component (E266)
  E266("component {0}: scorer \"{1}\" is not how kiln''s {2} component scores. It always scores as spaCy''s {3} does, so a spaCy config may name that one; kiln has no other scorers yet. Remove the scorer setting, or write {3}."),
  // --- annotating with a loaded pipeline (E267)
  E267("Pipeline.annotate was given {0}: it annotates a list of records, none of them null. Pass an empty list when there is nothing to annotate, and leave out missing records (or pass an empty record in their place, such as new Tokenizer().tokenize(\"\") for text)."),
  // --- spaCy's [nlp] section (E268-E269)
  E268("{0}: [nlp] {1} = {2}: {3} Remove it, or set it to {4}."),
  E269("{0}: [nlp] has no setting \"{1}\".{2} It takes pipeline (and spaCy''s lang, batch_size, tokenizer and vectors, and disabled, before_creation, after_creation and after_pipeline_creation when they are empty or null)."),
  // --- [initialize]: spaCy's nlp.initialize() settings (E255-E262)
  E255("{0}: [initialize] {1} = {2}: {3} Remove it, or set it to null."),
  E256("{0}: [initialize] has no setting \"{1}\".{2} It takes before_init, after_init and components (and spaCy''s vectors, init_tok2vec, vocab_data, lookups and tokenizer when they are null or empty)."),
  E257("{0}: [initialize.components.{1}] names a component that is not in the pipeline ({2}).{3} Fix the name, or remove the section."),
  E258("{0}: [initialize.components.{1}] {2}: component {1} takes no such setting at initialize (it takes {3}). {4}"),
  E259("{0}: [initialize.components.{1}] gives settings for component {1}, but {2}, so it is not initialized and keeps the labels it has. Remove [initialize.components.{1}]."),
  E260("{0}: [initialize.components.{1}] labels must be a non-empty list of label names or a call of a labels reader, found {2}. Write labels = [\"A\", \"B\"], or a section [initialize.components.{1}.labels] with @readers = \"kiln.read_labels.v1\" and path = \"labels/{1}.json\" (kiln init labels writes that file)."),
  E261("component {0}: record {1} of the training corpus has the label \"{2}\", which the labels given to it ({3}) lack, and it must learn a class for every record. Add the label to them (kiln init labels CONFIG DIR writes the labels the data has), or fix the record."),
  E262("labels file {0}: {1}. {2}"),
  // --- kiln-tabular: the CSV reader (E270-E278) and the tabular components (E280-E285)
  E270("{0}: line {1}: {2}. Fix the row, or set on_bad_row = \"warn\" or \"ignore\" to skip bad rows (they are counted)."),
  E271("{0}: the file is empty. A CSV file for kiln.Csv.v1 starts with a header line of column names."),
  E272("{0}: line {1}: the header names the column \"{2}\" twice. Give every column a distinct name."),
  E273("{0}: {1} names the column \"{2}\", which the header does not have. Columns in the file: {3}."),
  E274("{0}: the columns {1} are not used: they are neither the label nor in columns. Add them to columns, remove them from the file, or set on_unused_column = \"warn\" or \"ignore\"."),
  E275("kiln.Csv.v1: delimiter must be one character other than a quote or a line break, got \"{0}\"."),
  E276("kiln.Csv.v1: the label column \"{0}\" is also listed in {1}, but the label cannot be a feature. Remove it from {1}."),
  E277("{0}: line {1}: column {2} of the header has no name. Name every column (a trailing comma makes an empty one)."),
  E278("{0}: the header names only the label column \"{1}\", so the rows have no features to learn from. Add the feature columns to the file (is it separated by another delimiter?)."),
  E280("component {0}: the model was fitted on the {1} column \"{2}\", but the rows of {3} have no such {1} column (they have numeric {4} and categorical {5}). Read the data with the columns and categorical settings used in training."),
  E281("component {0}: the label \"{1}\" ({2} line {3}) is not a number, but a regressor needs numeric labels. Fix the label column, or use kiln.tabular_classifier."),
  E282("component {0}: there are no training rows to fit the features on. Check the training corpus path and its on_bad_row policy."),
  E283("{0}: the saved feature encoder is not valid: {1}. Use the component folder as kiln train wrote it."),
  E284("component {0}: hash_buckets must be 0 (one-hot categories) or a positive number of buckets, got {1}."),
  E285("component {0}: the label {1} ({2} line {3}) lies beyond float32''s range (about ±3.4e38), in which the model computes. Rescale the label column (a unit of thousands, or its logarithm)."),
  // --- kiln-train: sourced components (E286-E288)
  E286("[components.{0}] replace_listeners = {1}: kiln cannot yet give a sourced component its own copy of the tok2vec it listened to (spaCy''s replace_listeners). Source that tok2vec too, from {2}, and put it before {0} in [nlp] pipeline, so that {0} listens to it here as it did there; then remove replace_listeners."),
  E287("[components.{0}] source = \"{1}\" is not a saved kiln pipeline: {2}. Give the path of a model-best or model-last folder written by kiln train."),
  E288("[components.{0}] source = \"{1}\" lies in the output directory {2}, which the run clears and writes its own checkpoints into: the pipeline would be replaced while it is the source. Copy it out of {2} and source the copy, or give another --output."),
  // --- kiln-train: resuming with changed limits (E289)
  E289("cannot resume from {0} with {1} = {2}: {3}. A run with that setting from the start would have stopped earlier, so the resumed run could not end as it would. Give a {1} that model-last has not passed, train without --resume to start over, or pass --resume-force to go on from model-last anyway."),
  // --- spaCy's [nlp] pipeline (E290), a component both built and sourced (E291)
  E290("{0}: [nlp] pipeline = {1}: it must be a list of the names of sections of [components], in the order they run, such as pipeline = [\"tok2vec\", \"tagger\"]."),
  E291("{0}: [components.{1}] has both factory = \"{2}\" and source = \"{3}\" (line {4}): spaCy would build a new {2} and ignore the source. Keep factory to train a new component, or source to take the trained one, and remove the other."),
  // --- kiln-text: text objects and BILUO tags (E300-E319), text readers (E320-E349)
  E304("the entity spans {0} and {1} overlap, but a token can belong to one entity only. Remove one of them."),
  E305("the entity tags {0} are not a valid BILUO sequence at token {1} (\"{2}\" after \"{3}\"). B- and I- must be followed by I- or L- of the same label; L-, U- and O end an entity."),
  E306("\"{0}\" is not an entity tag. Write O, - (unknown), or B-, I-, L-, U- (BILUO) or B-, I- (IOB) followed by a label."),
  E307("Biluo.decode: the labels {0} allow no valid tag sequence of length {1}. Include O, or U- (and B-, L-) tags for each label."),
  E308("{0} {1} were given for a document of {2} tokens: \"{3}\". Give exactly one per token."),
  E309("\"{0}\" is not a token attribute the hash embeddings can read. Use one of {1}."),
  E310("spacy.MultiHashEmbed.v2: attrs {0} and rows {1} must be non-empty lists of the same length: one table size per attribute."),
  E311("{0}: {1} asks for static word vectors, which kiln does not support yet. Remove it (use null or false)."),
  E312("component {0} listens to a tok2vec (upstream \"{1}\"), but no tok2vec component of that name comes before it in the pipeline {2}. Add a tok2vec component before {0}, or give {0} its own tok2vec (e.g. spacy.HashEmbedCNN.v2) instead of spacy.Tok2VecListener.v1."),
  E313("component {0}: its tok2vec listener received no output for this batch from the tok2vec \"{1}\". The tok2vec must be updated before its listeners in each step: do not freeze it (frozen_components) while a listener trains, or put it in annotating_components."),
  E314("component {0}: the training data has no entities, so there are no labels to learn. Give the training corpus \"entities\" (JSONL) or entity tags (CoNLL-2003), or remove the ner component."),
  E320("{0}: line {1}: {2}. Each line of a text JSONL file is one object with \"text\" or \"words\" and optionally \"spaces\", \"cats\", \"entities\", \"tags\" and \"sent_starts\"."),
  E321("{0}: line {1}: {2}. A CoNLL-U token line has 10 tab-separated fields: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC."),
  E322("{0}: line {1}: {2}. A CoNLL-2003 line is \"word [pos chunk] tag\" separated by spaces, with a blank line after each sentence."),
  E323("component {0}: its tok2vec listener expects width {1}, but the tok2vec \"{2}\" outputs width {3}. Set the listener''s width to the tok2vec''s width."),
  E324("component {0}: the training data has no tags, so the tagger has nothing to learn. Give the reader data with \"tags\" (JSONL) or UPOS/XPOS (CoNLL-U)."),
  E325("component {0}: label_smoothing must be at least 0 and below (tags - 1) / tags = {1} for its {2} tags, got {3}. Use a smaller value, e.g. 0.1, or 0.0 for none."),
  E326("component {0}: the training data has no categories (\"cats\"), so the text classifier has nothing to learn. Give the training corpus \"cats\" (JSONL), or remove the component."),
  E327("component {0}: document {1} of the training corpus has {2} true categories ({3}), but its classes are exclusive (exclusive_classes = true), so it can learn only one per document (spaCy''s E895). Use textcat_multilabel, or give each document one category of 1.0; kiln debug data lists every such document."),
  E333("spacy.TextCatEnsemble.v2: linear_model must be a bag-of-n-grams model (spacy.TextCatBOW.v2 or kiln.TextCatBOW.v1), found the layer \"{0}\". Its exclusive_classes decides the ensemble''s output."),
  E334("the tok2vec \"{0}\" given to a text classifier has no output width (nO). Give the tok2vec a width (e.g. spacy.HashEmbedCNN.v2 width = 96 or spacy.Tok2VecListener.v1 width = 96)."),
  E338("the {0} corpus has no path (it is null). Set train and dev in the [paths] section of the config, or give them on the command line: --paths.train FILE --paths.dev FILE."),
  E339("\"{0}\" is not a component kiln init config knows.{2} Known components: {1}. Separate several with commas, e.g. --pipeline textcat,ner."),
  E340("the pipeline {0} must name at least one component, each once. Give e.g. --pipeline textcat,ner."),
  E341("\"{0}\" is not a value of --optimize. Choose one of: {1}."),
  E342("\"{0}\" is not a language code. Give two or three lower-case letters, e.g. --lang en."),
  E343("a pipeline of only a sentencizer has nothing to train: the sentencizer follows rules and has no weights. Add a trained component, e.g. --pipeline tagger,sentencizer."),
  E344("{0}: line {1}: \"sent_starts\" holds {2} for token {3} (\"{4}\"), which is no sentence-start value. Write 1 or true (the token starts a sentence), -1 or false (it does not) or 0 or null (unknown), as spaCy reads them."),
  E345("components.{0}.neg_prefix must be a non-empty string, the prefix that marks a gold tag as one the token does not have (spaCy''s default \"!\", as in \"!NN\"), or null for no such tags; found {1}. Write e.g. neg_prefix = \"!\"."),
  E346("component {0}: the given label \"{1}\" starts with neg_prefix \"{2}\", so a reference tag \"{1}\" says a token is not the tag after the prefix and the label could never be learnt. Remove it from the tagger''s labels, or set neg_prefix = null if such tags are ordinary tags."),
  // --- the CLI (E400-E499)
  E400("{0}: {1}. Run {0} --help for its options and arguments."),
  E401("option {0} has no value. Write it as {0} VALUE or {0}=VALUE."),
  E402("cannot write {0}: {1}. Check that the folder is writable."),
  E403("kiln debug data found {0} error(s) and {1} warning(s) in the data: see the lines marked \u2718 in the report. Fix the data (kiln debug data --verbose lists the documents) and run it again."),
  E404("kiln debug data reports on text corpora, but {0} reads {1} records, not text documents. Give it a config whose corpora hold text (kiln.TextJsonl.v1, kiln.ConllU.v1 or kiln.Conll2003.v1); image and tabular readers report bad rows themselves when training."),
  E405("{0} is a directory. Give a file path for {1}."),
  E406("{0} is the input {1}, and writing the output there would destroy it. Give another path for --output."),
  E407("{0} is inside the model directory {1}, whose files its manifest checks: writing there would break the model. Give a path outside it."),
  E408("{0} holds no examples, so there is nothing to score. Check the path, and that the data is in the format the model reads."),
  E409("--{0}: kiln predict and kiln evaluate take overrides of the data reader only (--corpora.dev.KEY, e.g. --corpora.dev.on_bad_row warn): the model itself is as it was saved."),
  E410("{0}: cannot tell whether the file is CoNLL-U or CoNLL-2003, since it has no token line. Check the file, or give --converter conllu or --converter conll2003."),
  E411("{0} cannot be \"{1}\". Give one of: {2}."),
  E412("{0} holds no sentence ({1}): there is nothing to convert. Check the file."),
  E413("{0} is a pipe, not a file: telling CoNLL-U from CoNLL-2003 would read its first lines, which could not be read again to convert. Give --converter conllu or --converter conll2003."),
  E414("{0} is a file, but kiln init labels writes one NAME.json per component into a directory. Give the path of a directory (it is made if missing)."),
  E415("{0} is a spaCy DocBin (.spacy) file, a binary format kiln cannot read (kiln convert reads CoNLL-U and CoNLL-2003 text). Export it with spaCy as JSONL, one object per Doc with \"text\" and any of \"cats\", \"entities\" ([[ent.start_char, ent.end_char, ent.label_], ...]), \"words\" and \"tags\" (for doc in DocBin().from_disk(PATH).get_docs(nlp.vocab)), and read that JSONL file with @readers = \"kiln.TextJsonl.v1\"."),
  E418("{0} holds no records, so there is nothing to predict, and no output is written. Check the path, and that the data is in the format the model reads (a reader told to skip bad lines or images, on_bad_row or on_bad_image = \"warn\" or \"ignore\", may have skipped them all).");

  private final String template;

  ErrorCode(String template) {
    this.template = template;
  }

  /** The raw template, placeholders unfilled. */
  public String template() {
    return template;
  }

  /** How many distinct placeholders the template uses. */
  public int arity() {
    return MessageTemplates.arity(template);
  }

  /**
   * The message for these arguments, prefixed with the code, e.g. {@code [E001] ...}.
   *
   * @throws IllegalArgumentException if the number of arguments does not match the template
   */
  public String format(Object... args) {
    if (args.length != arity()) {
      throw new IllegalArgumentException(
          name() + " takes " + arity() + " argument(s), got " + args.length);
    }
    return "[" + name() + "] " + MessageTemplates.fill(template, args);
  }
}
