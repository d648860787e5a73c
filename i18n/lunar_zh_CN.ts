<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CraterSizeFrequency</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="113"/>
        <source>Craters</source>
        <translation>撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="115"/>
        <source>Diameter field (km)</source>
        <translation>直径字段（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="117"/>
        <source>Count area</source>
        <translation>计数区域</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="119"/>
        <source>Fit range: minimum diameter (km)</source>
        <translation>拟合范围：最小直径（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="120"/>
        <source>Fit range: maximum diameter (km)</source>
        <translation>拟合范围：最大直径（km）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="121"/>
        <source>Production and chronology functions</source>
        <translation>产率函数和年代函数</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="122"/>
        <source>Age fit method</source>
        <translation>年龄拟合方法</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="123"/>
        <source>Split the CSFD by the &apos;system&apos; field</source>
        <translation>按“system”字段拆分 CSFD</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="125"/>
        <source>CSFD table</source>
        <translation>CSFD 表</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="126"/>
        <source>CSFD plot (PNG; SVG beside)</source>
        <translation>CSFD 图（PNG；旁边另存 SVG）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="54"/>
        <source>PNG files (*.png)</source>
        <translation>PNG 文件 (*.png)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="127"/>
        <source>craterstats .diam file</source>
        <translation>craterstats .diam 文件</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="56"/>
        <source>craterstats diam (*.diam)</source>
        <translation>craterstats diam (*.diam)</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="128"/>
        <source>Model age (Ga)</source>
        <translation>模式年龄（Ga）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="129"/>
        <source>Model age uncertainty (Ga, 1 sigma)</source>
        <translation>模式年龄不确定度（Ga，1 sigma）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="130"/>
        <source>Lunar System of the model age</source>
        <translation>模式年龄所属的月球地质纪</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="131"/>
        <source>Craters counted</source>
        <translation>计数的撞击坑数</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="68"/>
        <source>CRATERS has no diameter field &apos;{0}&apos; (fields: {1})</source>
        <translation>CRATERS 中没有直径字段“{0}”（现有字段：{1}）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="74"/>
        <source>SPLIT_BY_SYSTEM needs a &apos;system&apos; field in CRATERS</source>
        <translation>SPLIT_BY_SYSTEM 需要 CRATERS 中有“system”字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="133"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="89"/>
        <source>CRATERS: feature {0} has diameter {1}; diameters must be &gt; 0 km</source>
        <translation>CRATERS：要素 {0} 的直径为 {1}；直径必须大于 0 km</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="97"/>
        <source>{0} craters without a diameter or geometry were skipped</source>
        <translation>已跳过 {0} 个没有直径或几何的撞击坑</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="100"/>
        <source>No crater of CRATERS lies inside the AREA polygons</source>
        <translation>CRATERS 中没有位于 AREA 多边形内的撞击坑</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="113"/>
        <source>No model age for {0}: {1}</source>
        <translation>{0} 无模式年龄：{1}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="121"/>
        <source>CSFD, area {0:.0f} km²</source>
        <translation>CSFD，面积 {0:.0f} km²</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="137"/>
        <source>AREA holds no polygon</source>
        <translation>AREA 中没有多边形</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="144"/>
        <source>AREA has zero size on the Moon sphere</source>
        <translation>AREA 在月球球面上的面积为零</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/csfd.py" line="158"/>
        <source>Could not write the CSFD table: {0}</source>
        <translation>无法写入 CSFD 表：{0}</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="110"/>
        <source>Crater size-frequency distribution and model age</source>
        <translation>撞击坑大小-频率分布与模式年龄</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="111"/>
        <source>Crater ages</source>
        <translation>撞击坑年龄</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="112"/>
        <source>Crater size-frequency distribution (CSFD) of the craters whose centres lie in the AREA polygons (area measured on the 1737.4 km Moon sphere): cumulative, differential and R values in sqrt(2) bins with Poisson errors (OUTPUT_TABLE), a cumulative plot and an R-plot as PNG and SVG (OUTPUT_PLOT, like Yang et al. Fig. 2, one colour per System when split by the &apos;system&apos; field), and a model age fitted between MIN_DIAMETER_KM and MAX_DIAMETER_KM with the Neukum et al. (2001) production and chronology functions (Hartmann 2010 selectable), with the lunar System that age falls in. Also writes craterstats .diam and .scc files. Diameters in km.</source>
        <translation>中心位于 AREA 多边形内的撞击坑的大小-频率分布（CSFD；面积按半径 1737.4 km 的月球球面计算）：以 sqrt(2) 分箱的累积值、微分值和 R 值及其泊松误差（OUTPUT_TABLE），PNG 和 SVG 格式的累积分布图和 R 图（OUTPUT_PLOT，同 Yang 等的图 2，按“system”字段拆分时每个纪一种颜色），以及在 MIN_DIAMETER_KM 与 MAX_DIAMETER_KM 之间用 Neukum 等（2001）产率函数和年代函数（可选 Hartmann 2010）拟合的模式年龄及其所属的月球地质纪。同时写出 craterstats 的 .diam 和 .scc 文件。直径单位为 km。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="114"/>
        <source>Crater circles or points with a diameter field in km.</source>
        <translation>带直径字段（km）的撞击坑圆或点。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="116"/>
        <source>Default: diameter_km (the field lunar:detectcraters writes).</source>
        <translation>默认：diameter_km（lunar:detectcraters 写出的字段）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="118"/>
        <source>Polygon(s) of the counted surface; craters are counted when their centre lies inside.</source>
        <translation>计数区域的多边形；中心位于其内的撞击坑被计数。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="124"/>
        <source>One curve and one age per lunar System (field &apos;system&apos;).</source>
        <translation>每个月球地质纪（字段“system”）一条曲线和一个年龄。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="132"/>
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="134"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="135"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="136"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
</context>
<context>
    <name>EqualAreaSampling</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="90"/>
        <source>Rasters to sample</source>
        <translation>要采样的栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="92"/>
        <source>Extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="94"/>
        <source>Latitude step (degrees)</source>
        <translation>纬度步长（度）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="96"/>
        <source>Cell area (km²)</source>
        <translation>单元面积（km²）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="98"/>
        <source>Output geometry</source>
        <translation>输出几何类型</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="48"/>
        <source>Cell centre points</source>
        <translation>单元中心点</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="48"/>
        <source>Cell polygons</source>
        <translation>单元多边形</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="99"/>
        <source>Zones (polygons)</source>
        <translation>区域（多边形）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="101"/>
        <source>Zone name field</source>
        <translation>区域名称字段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="103"/>
        <source>Equal-area samples</source>
        <translation>等面积样本</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="104"/>
        <source>Equal-area statistics</source>
        <translation>等面积统计</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="64"/>
        <source>RASTERS: give at least one raster layer</source>
        <translation>RASTERS：请至少给出一个栅格图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="92"/>
        <source>{0} cells of {1} km² over lon {2:.3f}..{3:.3f}, lat {4:.3f}..{5:.3f}</source>
        <translation>{0} 个 {1} km² 的单元，经度 {2:.3f}..{3:.3f}，纬度 {4:.3f}..{5:.3f}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="111"/>
        <source>Could not write samples: {0}</source>
        <translation>无法写入样本：{0}</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="134"/>
        <source>Equal-area samples ({0} km²)</source>
        <translation>等面积样本（{0} km²）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/equal_area_sampling.py" line="151"/>
        <source>ZONES: the layer holds no polygon</source>
        <translation>ZONES：该图层中没有多边形</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="87"/>
        <source>Equal-area sampling and statistics</source>
        <translation>等面积采样与统计</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="88"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="89"/>
        <source>Qiu et al. 2025 (seed 002) quasi-equal-area grid on the Moon sphere (R = 1737.4 km): latitude step LAT_STEP (deg), and in each latitude band a longitude step dlambda = A / (R^2 dphi cos phi) so every cell covers AREA_KM2. Every band of every raster is sampled at the cell centres (nearest pixel) into OUTPUT (points or cell polygons, with lat, lon, cell area and one field per band), and OUTPUT_STATS holds count, mean, std, min, max, percentiles and a histogram per raster band, for all cells and per zone of an optional ZONES polygon layer (e.g. maria / non-maria). Streams: a global run at the defaults (~17 million cells) uses bounded memory.</source>
        <translation>月球球面（R = 1737.4 km）上 Qiu 等 2025（种子论文 002）的准等面积格网：纬度步长 LAT_STEP（度），每个纬度带内经度步长 dlambda = A / (R^2 dphi cos phi)，使每个单元的面积均为 AREA_KM2。每个栅格的每个波段在单元中心处（最近像元）采样，写入 OUTPUT（点或单元多边形，含 lat、lon、单元面积及每个波段一个字段）；OUTPUT_STATS 给出每个栅格波段的计数、均值、标准差、最小值、最大值、百分位数和直方图，针对全部单元以及可选 ZONES 多边形图层的每个区域（例如月海/非月海）。流式处理：以默认参数进行全球运算（约 1700 万个单元）时内存占用有界。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="91"/>
        <source>Every band of each raster becomes a field (named after the layer).</source>
        <translation>每个栅格的每个波段成为一个字段（以图层命名）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="93"/>
        <source>Default: the union of the rasters&apos; extents.</source>
        <translation>默认：各栅格范围的并集。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="95"/>
        <source>Seed 002 uses 0.15 degrees.</source>
        <translation>种子论文 002 使用 0.15 度。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="97"/>
        <source>Target area of each cell; seed 002 uses 2.25 km².</source>
        <translation>每个单元的目标面积；种子论文 002 使用 2.25 km²。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="100"/>
        <source>Optional polygons, e.g. maria; statistics are also given per zone.</source>
        <translation>可选多边形，例如月海；同时按区域给出统计。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="102"/>
        <source>Default: the feature id.</source>
        <translation>默认：要素 ID。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="105"/>
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="106"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="107"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="108"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="109"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
</context>
<context>
    <name>FuseDomDem</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="75"/>
        <source>DEM</source>
        <translation>DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="77"/>
        <source>DOM (orthophoto)</source>
        <translation>DOM（正射影像）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="79"/>
        <source>8-bit output for detectors</source>
        <translation>为检测器输出 8 位数据</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="81"/>
        <source>Fused DOM/DEM</source>
        <translation>融合的 DOM/DEM</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/fuse_dom_dem.py" line="33"/>
        <source>Fused DOM/DEM (brightness, slope, elevation)</source>
        <translation>融合的 DOM/DEM（亮度、坡度、高程）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="72"/>
        <source>Fuse DOM and DEM</source>
        <translation>融合 DOM 与 DEM</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="73"/>
        <source>Craters</source>
        <translation>撞击坑</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="74"/>
        <source>Fuses a digital orthophoto map (DOM) and a DEM into one 3-band raster on the DOM&apos;s grid, as Yang et al. (seed 000) fuse Chang&apos;E DOM and DEM for crater detection: band 1 = image brightness (morphology; a DEM hillshade when no DOM is given), band 2 = slope (degrees, from true metres on the 1737.4 km Moon sphere in geographic and projected CRSs), band 3 = elevation (m). The DEM is resampled (bilinear) to the DOM grid when they differ. &apos;8-bit&apos; stretches every band to 1-255 (0 = nodata) for detectors.</source>
        <translation>将数字正射影像（DOM）和 DEM 融合为 DOM 格网上的一个 3 波段栅格，与 Yang 等（种子论文 000）为撞击坑检测融合嫦娥 DOM 和 DEM 的做法相同：波段 1 = 影像亮度（形态；未给出 DOM 时为 DEM 的山体阴影），波段 2 = 坡度（度，在地理和投影坐标系中均按半径 1737.4 km 月球球面上的真实米数计算），波段 3 = 高程（m）。两者格网不同时，DEM 以双线性插值重采样到 DOM 格网。“8 位”将每个波段拉伸到 1-255（0 = 无数据），供检测器使用。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="76"/>
        <source>Elevation raster (band 1), with a CRS.</source>
        <translation>高程栅格（波段 1），须带坐标系。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="78"/>
        <source>Optional image (band 1); without it band 1 is a hillshade of the DEM.</source>
        <translation>可选影像（波段 1）；未给出时波段 1 为 DEM 的山体阴影。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="80"/>
        <source>Stretch each band to 1-255 (Byte) instead of float32 physical units.</source>
        <translation>将每个波段拉伸到 1-255（Byte），而不是 float32 物理单位。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="82"/>
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="83"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="84"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="85"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="86"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
</context>
<context>
    <name>LunarAlgorithm</name>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="72"/>
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="73"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="75"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="84"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/base.py" line="87"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
</context>
<context>
    <name>LunarLab</name>
    <message>
        <location filename="../lunar_plugin/about.py" line="82"/>
        <source>Plugin version</source>
        <translation>插件版本</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="83"/>
        <source>QGIS version</source>
        <translation>QGIS 版本</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="84"/>
        <source>PyTorch version</source>
        <translation>PyTorch 版本</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="84"/>
        <source>not installed (the neural-network algorithms need it)</source>
        <translation>未安装（神经网络算法需要它）</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="88"/>
        <source>Lunar remote sensing in the Processing Toolbox: crater detection and ages, oxide maps, equal-area statistics.</source>
        <translation>处理工具箱中的月球遥感：撞击坑检测与定年、氧化物制图、等面积统计。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="93"/>
        <source>Models in use</source>
        <translation>使用中的模型</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="104"/>
        <source>weights missing</source>
        <translation>缺少权重文件</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="108"/>
        <source>No model cards in models/.</source>
        <translation>models/ 中没有模型卡片。</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/about.py" line="119"/>
        <source>About Lunar Lab</source>
        <translation>关于月球实验室</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="51"/>
        <source>&amp;Lunar Lab</source>
        <translation>月球实验室(&amp;L)</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="53"/>
        <source>Lunar Lab</source>
        <translation>月球实验室</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="63"/>
        <source>Open the dialog of {0}</source>
        <translation>打开 {0} 的对话框</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="69"/>
        <source>Show Processing Toolbox</source>
        <translation>显示处理工具箱</translation>
    </message>
    <message>
        <location filename="../lunar_plugin/plugin.py" line="73"/>
        <source>About Lunar Lab…</source>
        <translation>关于月球实验室…</translation>
    </message>
</context>
<context>
    <name>LunarProvider</name>
    <message>
        <location filename="../processing_provider/provider.py" line="20"/>
        <source>Lunar Lab: craters, ages and oxides of the Moon</source>
        <translation>月球实验室：月球的撞击坑、年龄与氧化物</translation>
    </message>
</context>
<context>
    <name>MgNumber</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="62"/>
        <source>FeO (wt%) raster</source>
        <translation>FeO（wt%）栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="64"/>
        <source>MgO (wt%) raster</source>
        <translation>MgO（wt%）栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="66"/>
        <source>Mg#</source>
        <translation>Mg#</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/mg_number.py" line="27"/>
        <source>Mg# (molar)</source>
        <translation>Mg#（摩尔）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="59"/>
        <source>Mg# from FeO and MgO</source>
        <translation>由 FeO 和 MgO 计算 Mg#</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="60"/>
        <source>Surface chemistry</source>
        <translation>表面化学</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="61"/>
        <source>Magnesium number, the molar Mg/(Mg+Fe) = (MgO/40.30) / (MgO/40.30 + FeO/71.84), from FeO and MgO abundance rasters (wt%) on one grid, as in Qiu et al. 2025 (seed 002) Fig. 1h. Output: float32 GeoTIFF, 0-1, nodata where an input is nodata or negative.</source>
        <translation>镁值，即摩尔比 Mg/(Mg+Fe) = (MgO/40.30) / (MgO/40.30 + FeO/71.84)，由同一格网上的 FeO 和 MgO 含量栅格（wt%）计算，同 Qiu 等 2025（种子论文 002）图 1h。输出：float32 GeoTIFF，取值 0-1，输入为无数据或负值处为无数据。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="63"/>
        <source>Band 1 is used.</source>
        <translation>使用波段 1。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="65"/>
        <source>Band 1 is used; must share the FeO raster&apos;s grid and CRS.</source>
        <translation>使用波段 1；必须与 FeO 栅格的格网和坐标系相同。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="67"/>
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="68"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="69"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="70"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="71"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
</context>
<context>
    <name>OxideEquations</name>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="29"/>
        <source>Reflectance raster</source>
        <translation>反射率栅格</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="35"/>
        <source>Reflectance scale factor</source>
        <translation>反射率比例因子</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="37"/>
        <source>Equation constants</source>
        <translation>方程常数</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/oxide_equations.py" line="40"/>
        <source>Custom {0} (overrides the preset)</source>
        <translation>自定义 {0}（覆盖预设值）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="26"/>
        <source>Oxide maps from band ratios (FeO, TiO2, OMAT)</source>
        <translation>波段比值氧化物图（FeO、TiO2、OMAT）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="27"/>
        <source>Surface chemistry</source>
        <translation>表面化学</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="28"/>
        <source>FeO and TiO2 abundance (wt%) and optical maturity (OMAT) from Clementine UVVIS reflectance with the band-ratio equations of Qiu et al. 2025 (Nat. Commun., seed 002, eqs. 1-5; constants fitted on 49 sites incl. Chang&apos;E-6) or Lucey et al. 2000.
theta_Fe = -arctan[(R950/R750 - y0) / (R750 - x0)], FeO = slope * theta_Fe + offset; theta_Ti = arctan[(R415/R750 - y0) / (R750 - x0)], TiO2 = scale * theta_Ti^exponent; OMAT = sqrt((R750 - x0)^2 + (R950/R750 - y0)^2).
Input: reflectance raster (0-1 after REFLECTANCE_SCALE). Outputs: float32 GeoTIFFs, nodata where an input is nodata or the equation leaves its domain (R750 &lt;= x0, R415/R750 &lt; y0Ti).</source>
        <translation>用 Qiu 等 2025（Nat. Commun.，种子论文 002，式 1-5；常数由含嫦娥六号在内的 49 个站点拟合）或 Lucey 等 2000 的波段比值方程，从 Clementine UVVIS 反射率计算 FeO 和 TiO2 含量（wt%）及光学成熟度（OMAT）。
theta_Fe = -arctan[(R950/R750 - y0) / (R750 - x0)]，FeO = slope * theta_Fe + offset；theta_Ti = arctan[(R415/R750 - y0) / (R750 - x0)]，TiO2 = scale * theta_Ti^exponent；OMAT = sqrt((R750 - x0)^2 + (R950/R750 - y0)^2)。
输入：反射率栅格（乘以 REFLECTANCE_SCALE 后为 0-1）。输出：float32 GeoTIFF，输入为无数据或超出方程定义域（R750 &lt;= x0，R415/R750 &lt; y0Ti）处为无数据。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="30"/>
        <source>Multi-band reflectance, e.g. Clementine UVVIS 415/750/900/950/1000 nm.</source>
        <translation>多波段反射率，例如 Clementine UVVIS 415/750/900/950/1000 nm。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="31"/>
        <source>415 nm band</source>
        <translation>415 nm 波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="32"/>
        <source>1-based band index (Clementine order 415/750/900/950/1000: 1, 2, 4).</source>
        <translation>从 1 开始的波段序号（Clementine 波段顺序 415/750/900/950/1000：1、2、4）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="33"/>
        <source>750 nm band</source>
        <translation>750 nm 波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="34"/>
        <source>950 nm band</source>
        <translation>950 nm 波段</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="36"/>
        <source>Multiplies stored values to get reflectance on a 0-1 scale (e.g. 0.0001 for integer DNs).</source>
        <translation>与存储值相乘得到 0-1 范围的反射率（例如整数 DN 值用 0.0001）。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="38"/>
        <source>0 = Qiu et al. 2025 (Clementine incl. Chang&apos;E-6); 1 = Lucey et al. 2000.</source>
        <translation>0 = Qiu 等 2025（Clementine，含嫦娥六号）；1 = Lucey 等 2000。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="39"/>
        <source>Custom X0_FE (overrides the preset)</source>
        <translation>自定义 X0_FE（覆盖预设值）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="40"/>
        <source>Leave empty to use the preset&apos;s value.</source>
        <translation>留空则使用预设值。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="41"/>
        <source>Custom Y0_FE (overrides the preset)</source>
        <translation>自定义 Y0_FE（覆盖预设值）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="42"/>
        <source>Custom FE_SLOPE (overrides the preset)</source>
        <translation>自定义 FE_SLOPE（覆盖预设值）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="43"/>
        <source>Custom FE_OFFSET (overrides the preset)</source>
        <translation>自定义 FE_OFFSET（覆盖预设值）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="44"/>
        <source>Custom X0_TI (overrides the preset)</source>
        <translation>自定义 X0_TI（覆盖预设值）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="45"/>
        <source>Custom Y0_TI (overrides the preset)</source>
        <translation>自定义 Y0_TI（覆盖预设值）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="46"/>
        <source>Custom TI_SCALE (overrides the preset)</source>
        <translation>自定义 TI_SCALE（覆盖预设值）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="47"/>
        <source>Custom TI_EXPONENT (overrides the preset)</source>
        <translation>自定义 TI_EXPONENT（覆盖预设值）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="48"/>
        <source>FeO (wt%)</source>
        <translation>FeO（wt%）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="49"/>
        <source>TiO2 (wt%)</source>
        <translation>TiO2（wt%）</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="50"/>
        <source>OMAT</source>
        <translation>OMAT</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="51"/>
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="52"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="53"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="54"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="55"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="56"/>
        <source>FeO (wt%) — {0} equation</source>
        <translation>FeO（wt%）— {0} 方程</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="57"/>
        <source>TiO2 (wt%) — {0} equation</source>
        <translation>TiO2（wt%）— {0} 方程</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="58"/>
        <source>OMAT — {0}</source>
        <translation>OMAT — {0}</translation>
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
        <location filename="../processing_provider/algorithms/synthetic_scene.py" line="99"/>
        <source>Geologic units (synthetic)</source>
        <translation>地质单元（合成）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/synthetic_scene.py" line="101"/>
        <source>{0} ground-truth craters</source>
        <translation>{0} 个真值撞击坑</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/synthetic_scene.py" line="102"/>
        <source>DEM (synthetic, m)</source>
        <translation>DEM（合成，m）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/synthetic_scene.py" line="103"/>
        <source>DOM (synthetic)</source>
        <translation>DOM（合成）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/synthetic_scene.py" line="104"/>
        <source>Reflectance (synthetic Clementine, 950/750/415 nm)</source>
        <translation>反射率（合成 Clementine，950/750/415 nm）</translation>
    </message>
    <message>
        <location filename="../processing_provider/algorithms/synthetic_scene.py" line="106"/>
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
        <location filename="../build/i18n/runtime_strings.py" line="6"/>
        <source>A deterministic (seeded) synthetic lunar scene in the geographic Moon CRS (IAU_2015:30100), anywhere and of any size: a DEM with simple bowls and complex craters (depth, rim height after Pike 1977, ejecta, degradation, overlap), an illuminated DOM, a 5-band Clementine-like reflectance raster (415, 750, 900, 950, 1000 nm) whose mare and highland units give known FeO/TiO2 through the Qiu et al. 2025 equations, the ground-truth craters as circles and the geologic units as polygons. Lunar Lab&apos;s demo data and test fixture.</source>
        <translation>在月球地理坐标系（IAU_2015:30100）中生成确定性（由种子决定）的合成月面场景，位置和大小任意：含简单碗状坑和复杂撞击坑的 DEM（深度、坑缘高度依据 Pike 1977，溅射物、退化、叠置），光照下的 DOM，类 Clementine 的 5 波段反射率栅格（415、750、900、950、1000 nm，其月海和高地单元经 Qiu 等 2025 方程得到已知的 FeO/TiO2），以圆表示的真值撞击坑，以及以多边形表示的地质单元。月球实验室的演示数据和测试数据。</translation>
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
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="22"/>
        <source>Cancelled by the user; no output was written.</source>
        <translation>已被用户取消；未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="23"/>
        <source>Out of memory; try a smaller extent or block size.</source>
        <translation>内存不足；请尝试更小的范围或分块大小。</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="24"/>
        <source>{0}: &apos;{1}&apos; is not a raster layer</source>
        <translation>{0}：“{1}”不是栅格图层</translation>
    </message>
    <message>
        <location filename="../build/i18n/runtime_strings.py" line="25"/>
        <source>{0}: raster &apos;{1}&apos; could not be opened</source>
        <translation>{0}：无法打开栅格“{1}”</translation>
    </message>
</context>
</TS>
