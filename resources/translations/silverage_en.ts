<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>AvailabilityGrid</name>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="53" />
            <source>周一</source>
            <translation>Mon</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="54" />
            <source>周二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="55" />
            <source>周三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="56" />
            <source>周四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="57" />
            <source>周五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="58" />
            <source>周六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="59" />
            <source>周日</source>
            <translation>Sun</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="63" />
            <source>上午</source>
            <translation>Morning</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="63" />
            <source>下午</source>
            <translation>Afternoon</translation>
        </message>
    </context>
    <context>
        <name>CampaignTab</name>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="33" />
            <source>名称，如：台风“梅花”关怀</source>
            <translation>Name, e.g. Typhoon Muifa care round</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="36" />
            <source>台风</source>
            <translation>Typhoon</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="37" />
            <source>高温</source>
            <translation>Heat wave</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="38" />
            <source>寒潮</source>
            <translation>Cold snap</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="39" />
            <source>春节</source>
            <translation>Spring Festival</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="40" />
            <source>重阳节</source>
            <translation>Double Ninth Festival</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="41" />
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="51" />
            <source> 个工作日内</source>
            <translation> working days</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="52" />
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="100" />
            <source>建立专项行动</source>
            <translation>Create campaign</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="65" />
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="65" />
            <source>开始</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="65" />
            <source>天数</source>
            <translation>Days</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="65" />
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="76" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="65" />
            <source>已联系/总数</source>
            <translation>Contacted/total</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="73" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="74" />
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="75" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="77" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="78" />
            <source>紧急联系人</source>
            <translation>Emergency contacts</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="79" />
            <source>联系人电话</source>
            <translation>Contact's phone</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="80" />
            <source>结果</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/campaign_tab.py" line="96" />
            <source>已建立专项行动，电话名单见下表</source>
            <translation>Campaign created; the call list is below</translation>
        </message>
    </context>
    <context>
        <name>ContactsEditor</name>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="48" />
            <source>添加联系人</source>
            <translation>Add contact</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="49" />
            <source>删除所选联系人</source>
            <translation>Remove selected contact</translation>
        </message>
    </context>
    <context>
        <name>CoverageTab</name>
        <message>
            <location filename="../../src/silverage/ui/visits/coverage_tab.py" line="32" />
            <source>按社区</source>
            <translation>By community</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/coverage_tab.py" line="33" />
            <source>按网格</source>
            <translation>By grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/coverage_tab.py" line="34" />
            <source>按等级</source>
            <translation>By level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/coverage_tab.py" line="35" />
            <source>按志愿者</source>
            <translation>By volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/coverage_tab.py" line="40" />
            <source>月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/coverage_tab.py" line="45" />
            <source>分组</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/coverage_tab.py" line="45" />
            <source>应探访</source>
            <translation>Required</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/coverage_tab.py" line="45" />
            <source>已探访</source>
            <translation>Contacted</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/coverage_tab.py" line="45" />
            <source>探访率（目标100%）</source>
            <translation>Visit rate (target 100%)</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="58" />
            <source>各等级人数</source>
            <translation>People per level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="59" />
            <source>各社区人数</source>
            <translation>People per community</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="65" />
            <source>本月探访率（目标 100%，虚线）</source>
            <translation>Visit rate this month (target 100%, dashed line)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="67" />
            <source>按社区</source>
            <translation>By community</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="68" />
            <source>按等级</source>
            <translation>By level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="78" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="78" />
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="82" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="78" />
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="75" />
            <source>逾期未联系（红色优先）</source>
            <translation>Overdue (red first)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="78" />
            <source>应复评日期</source>
            <translation>Reassessment due</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="80" />
            <source>需要复评</source>
            <translation>Reassessments due</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="82" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="82" />
            <source>寿辰</source>
            <translation>Birthday</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="83" />
            <source>60天内的整寿（80/90/100岁）</source>
            <translation>Milestone birthdays in the next 60 days (80/90/100)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="131" />
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="134" />
            <source>未分配</source>
            <translation>Unassigned</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="154" />
            <source>%1岁</source>
            <translation>%1 years</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="160" />
            <source>在册 %1 人 · 红 %2 · 黄 %3 · 绿 %4 · 逾期未联系 %5 · 需复评 %6 · 近60天整寿 %7</source>
            <translation>%1 on the roster · red %2 · yellow %3 · green %4 · overdue %5 · reassessment due %6 · milestone birthdays %7</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard/dashboard_page.py" line="195" />
            <source>本月：%1年%2月；未达100%的社区以橙色/红色显示。</source>
            <translation>Month: %2/%1; communities below 100% are shown in orange or red.</translation>
        </message>
    </context>
    <context>
        <name>ExcelPanel</name>
        <message>
            <location filename="../../src/silverage/ui/print_export/excel_panel.py" line="19" />
            <source>导入：读取社区现有的Excel花名册（可多个文件、多个工作表），先预览新增、更新和被拒绝的行，确认后一次性导入。
导出：按等级或社区导出花名册、汇总表和逾期名单；身份证号码和电话默认部分隐藏。</source>
            <translation>Import: read the Excel rosters communities already keep (several files and sheets), preview new, updated and rejected rows, then import them in one go.
Export: the roster, a summary and the overdue list by level or community; ID numbers and phones are partly masked by default.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/excel_panel.py" line="27" />
            <source>导入Excel花名册…</source>
            <translation>Import Excel roster…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/excel_panel.py" line="28" />
            <source>导出Excel花名册…</source>
            <translation>Export Excel roster…</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="55" />
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="164" />
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="180" />
            <source>导出Excel花名册</source>
            <translation>Export Excel roster</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="61" />
            <source>范围：</source>
            <translation>Scope:</translation>
        </message>
        <message numerus="yes">
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="61" />
            <source>所选的 %n 人</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="63" />
            <source>全部等级</source>
            <translation>All levels</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="66" />
            <source>全部社区</source>
            <translation>All communities</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="69" />
            <source>关爱等级：</source>
            <translation>Care level:</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="70" />
            <source>社区：</source>
            <translation>Community:</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="72" />
            <source>导出的列：</source>
            <translation>Columns to export:</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="82" />
            <source>身份证号码和电话部分隐藏（推荐）</source>
            <translation>ID numbers and phones partly masked (recommended)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="83" />
            <source>完整的身份证号码和电话（仅限督导，将记入审计）</source>
            <translation>Full ID numbers and phones (supervisors only; recorded in the audit trail)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="88" />
            <source>只有督导可以导出完整的身份证号码和电话</source>
            <translation>Only a supervisor may export full ID numbers and phones</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="93" />
            <source>浏览…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="95" />
            <source>保存到：</source>
            <translation>Save to:</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="103" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="104" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="135" />
            <source>保存Excel花名册</source>
            <translation>Save Excel roster</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="135" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="143" />
            <source>导出完整信息</source>
            <translation>Export full details</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="145" />
            <source>将导出完整的身份证号码和电话号码。此次导出会记入审计记录（导出人、时间、人数、列）。请妥善保管文件，用后删除。确定导出吗？</source>
            <translation>Full ID numbers and phone numbers will be exported. This export is recorded in the audit trail (who, when, how many people, which columns). Keep the file safe and delete it after use. Export now?</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="153" />
            <source>请至少选择一列</source>
            <translation>Choose at least one column</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="158" />
            <source>正在导出…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="173" />
            <source>已导出 %1 人到 %2</source>
            <translation>Exported %1 people to %2</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/export_dialog.py" line="179" />
            <source>没有导出</source>
            <translation>Not exported</translation>
        </message>
    </context>
    <context>
        <name>HolidayTab</name>
        <message>
            <location filename="../../src/silverage/ui/visits/holiday_tab.py" line="46" />
            <source>名称，如：元旦</source>
            <translation>Name, e.g. New Year's Day</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/holiday_tab.py" line="47" />
            <source>添加/修改</source>
            <translation>Add/change</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/holiday_tab.py" line="47" />
            <source>删除选中</source>
            <translation>Delete selected</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/holiday_tab.py" line="51" />
            <source>年份</source>
            <translation>Year</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/holiday_tab.py" line="62" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/holiday_tab.py" line="62" />
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/holiday_tab.py" line="62" />
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/holiday_tab.py" line="77" />
            <source>%1年的法定节假日和调休已由节假日库提供；此表中的日期优先。</source>
            <translation>Public holidays and make-up working days for %1 come from the holiday library; dates in this table take precedence.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/holiday_tab.py" line="86" />
            <source>设置节假日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/holiday_tab.py" line="92" />
            <source>删除节假日</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="63" />
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="187" />
            <source>导入Excel花名册</source>
            <translation>Import Excel roster</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="75" />
            <source>请核对每一列对应的内容；改动会被记住，下次导入同样格式的表格时自动使用。</source>
            <translation>Check what each column holds; your changes are remembered and used the next time a workbook with the same layout is imported.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="95" />
            <source>保存错误工作簿…</source>
            <translation>Save error workbook…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="97" />
            <source>上一步</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="98" />
            <source>下一步</source>
            <translation>Next</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="99" />
            <source>导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="100" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="120" />
            <source>选择要导入的Excel工作簿（.xlsx，可多个，例如每个社区一份）。旧版.xls、WPS .et和CSV请先另存为.xlsx。</source>
            <translation>Choose the Excel workbooks to import (.xlsx, several allowed, e.g. one per community). Save old .xls, WPS .et and CSV files as .xlsx first.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="129" />
            <source>添加文件…</source>
            <translation>Add files…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="130" />
            <source>清空</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="142" />
            <source>第1步：选择文件</source>
            <translation>Step 1: choose files</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="143" />
            <source>第2步：核对列的对应</source>
            <translation>Step 2: check the column mapping</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="144" />
            <source>第3步：预览（尚未写入）</source>
            <translation>Step 3: preview (nothing written yet)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="145" />
            <source>完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="167" />
            <source>选择Excel花名册</source>
            <translation>Choose Excel rosters</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="167" />
            <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
            <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="195" />
            <source>表格中的列</source>
            <translation>Column in the workbook</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="195" />
            <source>导入为</source>
            <translation>Import as</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="198" />
            <source>（无表头）</source>
            <translation>(no header)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="200" />
            <source>（不导入）</source>
            <translation>(not imported)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="210" />
            <source>（已记住）</source>
            <translation> (remembered)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="229" />
            <source>请指定“姓名”和“身份证号码”两列</source>
            <translation>Choose the name and ID number columns</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="236" />
            <source>正在检查表格</source>
            <translation>Checking the workbooks</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="244" />
            <source>读取 %1 行：新增 %2 人，更新 %3 人，无变化 %4 人，拒绝 %5 行，合并重复 %6 行。尚未写入任何数据。</source>
            <translation>Read %1 rows: %2 new, %3 updated, %4 unchanged, %5 rows rejected, %6 duplicate rows merged. Nothing has been written yet.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="256" />
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="294" />
            <source>工作表</source>
            <translation>Sheet</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="256" />
            <source>行</source>
            <translation>Row</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="259" />
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="267" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="259" />
            <source>身份证号码</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="263" />
            <source>新增 (%1)</source>
            <translation>New (%1)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="267" />
            <source>变化</source>
            <translation>Changes</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="281" />
            <source>更新 (%1)</source>
            <translation>Updated (%1)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="285" />
            <source>列</source>
            <translation>Column</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="285" />
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="294" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="289" />
            <source>拒绝 (%1)</source>
            <translation>Rejected (%1)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="294" />
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="298" />
            <source>跳过的工作表</source>
            <translation>Skipped sheets</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="310" />
            <source>正在导入</source>
            <translation>Importing</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="319" />
            <source>导入完成：新增 %1 人，更新 %2 人，无变化 %3 人，拒绝 %4 行。被拒绝的行没有导入，可保存为错误工作簿，修改后再次导入。</source>
            <translation>Import finished: %1 new, %2 updated, %3 unchanged, %4 rows rejected. Rejected rows were not imported; save them as an error workbook, fix them and import it again.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="335" />
            <source>保存错误工作簿</source>
            <translation>Save error workbook</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="335" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="340" />
            <location filename="../../src/silverage/ui/print_export/import_wizard.py" line="343" />
            <source>已保存 %1 行到错误工作簿</source>
            <translation>Saved %1 rows to the error workbook</translation>
        </message>
    </context>
    <context>
        <name>LevelPanel</name>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="126" />
            <source>取消人工调整（按规则计算）</source>
            <translation>Clear the override (use the rules)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="128" />
            <source>必须填写调整原因</source>
            <translation>A reason is required</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="129" />
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="215" />
            <source>人工调整等级</source>
            <translation>Override level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="132" />
            <source>调整为</source>
            <translation>Change to</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="133" />
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="143" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="137" />
            <source>等级历史</source>
            <translation>Level history</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="140" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="141" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="142" />
            <source>得分</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="144" />
            <source>触发</source>
            <translation>Trigger</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="145" />
            <source>操作人</source>
            <translation>By</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="164" />
            <source>当前等级：</source>
            <translation>Current level: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="170" />
            <source>依据：</source>
            <translation>Reasons: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="170" />
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="172" />
            <source>得分：</source>
            <translation>Score: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="174" />
            <source>人工调整原因：</source>
            <translation>Override reason: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="177" />
            <source>%1：%2</source>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>LevelText</name>
        <message>
            <location filename="../../src/silverage/ui/widgets/level_text.py" line="13" />
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="49" />
            <location filename="../../src/silverage/ui/shell/main_window.py" line="329" />
            <source>银龄 · 独居空巢老人关爱</source>
            <translation>Silverage · care for elderly people living alone</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="75" />
            <source>总览</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="76" />
            <source>花名册</source>
            <translation>Roster</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="77" />
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="78" />
            <source>探访</source>
            <translation>Visits</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="79" />
            <source>打印与导出</source>
            <translation>Print &amp; export</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="80" />
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="95" />
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="96" />
            <source>Excel 导入导出</source>
            <translation>Excel import &amp; export</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="151" />
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="153" />
            <source>新增老人…</source>
            <translation>New person…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="155" />
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="157" />
            <source>切换用户…</source>
            <translation>Switch user…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="158" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="159" />
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="161" />
            <source>查找老人</source>
            <translation>Find a person</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="163" />
            <source>查看(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="168" />
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="169" />
            <location filename="../../src/silverage/ui/shell/main_window.py" line="338" />
            <source>关于银龄</source>
            <translation>About Silverage</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="222" />
            <source>正在载入花名册…</source>
            <translation>Loading the roster…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="234" />
            <source>载入花名册</source>
            <translation>Loading the roster</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="251" />
            <source>数据库：</source>
            <translation>Database: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="253" />
            <source>（演示数据）</source>
            <translation> (demo data)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="256" />
            <source>在册 %1 人</source>
            <translation>%1 on the roster</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="259" />
            <source>用户：</source>
            <translation>User: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="289" />
            <source>刷新花名册</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/main_window.py" line="339" />
            <source>银龄：独居空巢老人花名册、三色分级与志愿者探访</source>
            <translation>Silverage: roster, care levels and volunteer visits for elderly people living alone</translation>
        </message>
    </context>
    <context>
        <name>MicroGridPicker</name>
        <message>
            <location filename="../../src/silverage/ui/widgets/place_picker.py" line="29" />
            <source>（未分配）</source>
            <translation>(unassigned)</translation>
        </message>
    </context>
    <context>
        <name>OverdueModel</name>
        <message>
            <location filename="../../src/silverage/ui/widgets/overdue_model.py" line="21" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/widgets/overdue_model.py" line="22" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/widgets/overdue_model.py" line="23" />
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/widgets/overdue_model.py" line="24" />
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/widgets/overdue_model.py" line="25" />
            <source>最近联系</source>
            <translation>Last contact</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/widgets/overdue_model.py" line="26" />
            <source>已过天数</source>
            <translation>Days since</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/widgets/overdue_model.py" line="27" />
            <source>规定间隔（天）</source>
            <translation>Required interval (days)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/widgets/overdue_model.py" line="34" />
            <source>从未</source>
            <translation>Never</translation>
        </message>
    </context>
    <context>
        <name>PersonEditor</name>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="105" />
            <source>新增老人</source>
            <translation>New person</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="138" />
            <source>基本信息</source>
            <translation>Basic details</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="160" />
            <source>健康与生活</source>
            <translation>Health and daily life</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="143" />
            <source>慢性病，用、分隔</source>
            <translation>Chronic conditions, separated by 、</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="153" />
            <source>印在探访单上</source>
            <translation>Printed on visit sheets</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="168" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="170" />
            <source>探访记录</source>
            <translation>Visit history</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="171" />
            <source>在册状态</source>
            <translation>Roster status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="179" />
            <source>保存 (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="182" />
            <source>关闭 (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="195" />
            <source>当前状态</source>
            <translation>Current status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="205" />
            <source>归档（移出在册名单）</source>
            <translation>Archive (take off the active roster)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="206" />
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="465" />
            <source>恢复在册</source>
            <translation>Restore to the roster</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="209" />
            <source>归档原因类别</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="210" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="211" />
            <source>说明</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="284" />
            <source>老人信息：</source>
            <translation>Person: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="366" />
            <source>保存老人信息</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="375" />
            <source>可能重复</source>
            <translation>Possible duplicate</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="375" />
            <source>仍然新建吗？</source>
            <translation>Create a new record anyway?</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="383" />
            <source>别人已经先保存了</source>
            <translation>Someone else saved first</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="386" />
            <source>您的修改还在表单里，没有保存。请记下修改，关闭后重新打开此人再改。</source>
            <translation>Your changes are still in the form and were not saved. Note them, close, reopen this person and change again.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="401" />
            <source>等级已变化：</source>
            <translation>Level changed: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="403" />
            <source>已保存。</source>
            <translation>Saved. </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="424" />
            <source>没有保存，请改正标红的内容。</source>
            <translation>Not saved: correct the fields marked in red. </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="458" />
            <source>归档</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="484" />
            <source>尚未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="484" />
            <source>请先保存或撤销表单中的修改，再更改在册状态。</source>
            <translation>Save or undo the changes in the form before changing the roster status.</translation>
        </message>
    </context>
    <context>
        <name>PlanTab</name>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="44" />
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="134" />
            <source>生成探访计划</source>
            <translation>Plan visits</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="51" />
            <source>从</source>
            <translation>From</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="53" />
            <source>到</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="56" />
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="70" />
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="62" />
            <source>选择时段后点“生成探访计划”：已完成和已确认的探访会保留。</source>
            <translation>Choose a period and click "Plan visits": visits done or confirmed are kept.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="68" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="69" />
            <source>时段</source>
            <translation>Half-day</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="71" />
            <source>老人</source>
            <translation>Person</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="72" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="73" />
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="74" />
            <source>方式</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="75" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="76" />
            <source>时间窗</source>
            <translation>Window</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="77" />
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="87" />
            <source>列表</source>
            <translation>List</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="87" />
            <source>周历</source>
            <translation>Week</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="113" />
            <source>改日期…</source>
            <translation>Move…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="114" />
            <source>换志愿者…</source>
            <translation>Change volunteer…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="115" />
            <source>确认</source>
            <translation>Confirm</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="116" />
            <source>取消探访</source>
            <translation>Cancel visit</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="304" />
            <source>更改探访状态</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="152" />
            <source>已安排 %1 次（保留 %2 次）</source>
            <translation>%1 visits planned (%2 kept)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="160" />
            <source>未能安排 %1 次：</source>
            <translation>%1 visits could not be planned: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="164" />
            <source>全部应探访次数均已安排。</source>
            <translation>Every required visit is planned.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="166" />
            <source>总成本 %1（已证明最优），用时 %3 秒</source>
            <translation>Total cost %1 (proven optimal), %3 s</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="168" />
            <source>总成本 %1（下界 %2），用时 %3 秒</source>
            <translation>Total cost %1 (lower bound %2), %3 s</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="179" />
            <source>全部志愿者</source>
            <translation>All volunteers</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="185" />
            <source>上午</source>
            <translation>Morning</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="185" />
            <source>下午</source>
            <translation>Afternoon</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="230" />
            <source>全部志愿者（每格为探访次数）</source>
            <translation>All volunteers (each cell: number of visits)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="236" />
            <source>请先选中一条探访</source>
            <translation>Select a visit first</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="241" />
            <source>调整探访</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="253" />
            <source>已调整</source>
            <translation>Changed</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="262" />
            <source>改日期</source>
            <translation>Move</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="262" />
            <source>新日期（YYYY-MM-DD），下午加 PM：</source>
            <translation>New date (YYYY-MM-DD), add PM for the afternoon:</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="269" />
            <source>日期格式不对，应写成 2026-12-01</source>
            <translation>Wrong date format; write it as 2026-12-01</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="287" />
            <source>换志愿者</source>
            <translation>Change volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_plan_tab.py" line="287" />
            <source>改由谁探访：</source>
            <translation>Who should visit:</translation>
        </message>
    </context>
    <context>
        <name>PrintPanel</name>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="85" />
            <source>探访单（每位志愿者一份）</source>
            <translation>Visit sheets (one set per volunteer)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="86" />
            <source>探访单（每个微网格一份）</source>
            <translation>Visit sheets (one set per micro-grid)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="87" />
            <source>花名册（按社区、等级）</source>
            <translation>Roster (by community and level)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="88" />
            <source>专项行动电话名单</source>
            <translation>Campaign call list</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="89" />
            <source>空白探访表</source>
            <translation>Blank visit form</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="91" />
            <source>打印内容</source>
            <translation>Printout</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="100" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="102" />
            <source>探访日期</source>
            <translation>Visit dates</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="105" />
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="108" />
            <source>微网格</source>
            <translation>Micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="111" />
            <source>专项行动</source>
            <translation>Campaign</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="113" />
            <source>显示完整身份证号和电话（仅督导，会记录在操作日志中）</source>
            <translation>Show full ID numbers and phones (supervisors only; recorded in the audit log)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="118" />
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="119" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="120" />
            <source>保存为 PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="126" />
            <source>打印的纸张含个人信息：请交给志愿者本人，用后收回。每次打印都记入操作日志。</source>
            <translation>Printed pages hold personal data: hand them to the volunteer in person and collect them afterwards. Every print is recorded in the audit log.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="153" />
            <source>全部志愿者</source>
            <translation>All volunteers</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="157" />
            <source>全部微网格</source>
            <translation>All micro-grids</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="203" />
            <source>已生成 %1 页，涉及 %2 人。</source>
            <translation>Made %1 pages covering %2 people.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="207" />
            <source>正在生成打印文件</source>
            <translation>Making the printout</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="218" />
            <source>保存为 PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="219" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="225" />
            <source>已保存到 %1</source>
            <translation>Saved to %1</translation>
        </message>
    </context>
    <context>
        <name>RecordTab</name>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="33" />
            <source>输入或扫描探访单上的编号，按回车打开</source>
            <translation>Type or scan the code on the visit sheet, Enter opens it</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="35" />
            <source>探访编号</source>
            <translation>Visit code</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="41" />
            <source>探访结果</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="43" />
            <source>由他人代为探访时填写</source>
            <translation>Fill in when someone else visited</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="44" />
            <source>代班探访人</source>
            <translation>Visited by (substitute)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="47" />
            <source>健康</source>
            <translation>Health</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="48" />
            <source>精神状态</source>
            <translation>Mental state</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="49" />
            <source>居家安全（燃气、水、电）</source>
            <translation>Home safety (gas, water, electricity)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="50" />
            <source>卫生</source>
            <translation>Hygiene</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="51" />
            <source>需求</source>
            <translation>Needs</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="57" />
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="60" />
            <source>跟进事项</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="61" />
            <source>负责人</source>
            <translation>Owner</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="65" />
            <source>跟进</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="67" />
            <source>发现跌倒</source>
            <translation>Found a fall</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="69" />
            <source>失能情况无变化</source>
            <translation>Disability unchanged</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="74" />
            <source>风险变化</source>
            <translation>Risk change</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="75" />
            <source>保存探访结果</source>
            <translation>Save outcome</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="100" />
            <source>已打开探访 %1</source>
            <translation>Opened visit %1</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="104" />
            <source>请先输入探访编号并按回车</source>
            <translation>Type the visit code and press Enter first</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="120" />
            <source>录入探访结果</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="125" />
            <source>已保存 %1</source>
            <translation>Saved %1</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_record_tab.py" line="127" />
            <source>（更正了原先录入的结果：%1）</source>
            <translation> (corrected the outcome recorded before: %1)</translation>
        </message>
    </context>
    <context>
        <name>RosterModel</name>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="96" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="97" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="98" />
            <source>性别</source>
            <translation>Gender</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="99" />
            <source>年龄</source>
            <translation>Age</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="100" />
            <source>居住情况</source>
            <translation>Living situation</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="101" />
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="102" />
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="103" />
            <source>微网格</source>
            <translation>Micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="104" />
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="105" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="106" />
            <source>最近联系</source>
            <translation>Last contact</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="107" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="268" />
            <source>超过规定间隔未联系</source>
            <translation>Not contacted within the required interval</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="283" />
            <source>（人工）</source>
            <translation> (manual)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_model.py" line="303" />
            <source>从未</source>
            <translation>Never</translation>
        </message>
    </context>
    <context>
        <name>RosterPage</name>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="71" />
            <source>搜索：姓名、拼音首字母（如 zxy）、身份证号、电话、地址  (Ctrl+F)</source>
            <translation>Search: name, pinyin initials (e.g. zxy), ID number, phone, address  (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="76" />
            <source>全部等级</source>
            <translation>All levels</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="78" />
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="80" />
            <source>全部社区</source>
            <translation>All communities</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="81" />
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="224" />
            <source>全部网格</source>
            <translation>All grids</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="82" />
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="238" />
            <source>全部微网格</source>
            <translation>All micro-grids</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="84" />
            <source>全部居住情况</source>
            <translation>All living situations</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="87" />
            <source>在册</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="87" />
            <source>已归档</source>
            <translation>Archived</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="87" />
            <source>全部状态</source>
            <translation>Any status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="101" />
            <source>只看逾期未联系</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="102" />
            <source>只看需复评</source>
            <translation>Reassessment due only</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="103" />
            <source>清除筛选</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="135" />
            <source>新增老人</source>
            <translation>New person</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="136" />
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="137" />
            <source>调整微网格…</source>
            <translation>Move to micro-grid…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="138" />
            <source>更换志愿者…</source>
            <translation>Change volunteer…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="139" />
            <source>打印探访单…</source>
            <translation>Print visit sheets…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="140" />
            <source>导出Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="206" />
            <source>计算逾期名单</source>
            <translation>Working out who is overdue</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="276" />
            <source>显示 %1 / 共 %2 人</source>
            <translation>Showing %1 of %2</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="298" />
            <source>已选 %1 人</source>
            <translation>%1 selected</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="316" />
            <source>调整微网格</source>
            <translation>Move to micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="326" />
            <source>更换志愿者</source>
            <translation>Change volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="328" />
            <source>没有在岗的志愿者。</source>
            <translation>There are no active volunteers.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="331" />
            <source>把选中的 %1 人今后未完成的探访交给：</source>
            <translation>Give the open future visits of the %1 selected people to:</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="342" />
            <source>选中的人今后没有需要更换志愿者的探访。</source>
            <translation>The selected people have no future visits to give to another volunteer.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="345" />
            <source>将把 %1 人的 %2 次探访交给 %3。</source>
            <translation>%2 visits of %1 people will go to %3.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="352" />
            <source>请注意：</source>
            <translation>Please note:</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="353" />
            <source>确定更换吗？</source>
            <translation>Change the volunteer?</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="310" />
            <source>把选中的 %1 人调整到：</source>
            <translation>Move the %1 selected people to:</translation>
        </message>
    </context>
    <context>
        <name>RulesDialog</name>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="68" />
            <source>三色分级规则</source>
            <translation>Care-level rules</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="84" />
            <source>版本说明：</source>
            <translation>Version note:</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="86" />
            <source>例如：红色阈值降为5分</source>
            <translation>e.g. red threshold lowered to 5 points</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="88" />
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="89" />
            <source>应用</source>
            <translation>Apply</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="90" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="115" />
            <source>阈值（分）</source>
            <translation>Thresholds (points)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="119" />
            <source>红色：得分 ≥</source>
            <translation>Red: score ≥</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="120" />
            <source>黄色：得分 ≥</source>
            <translation>Yellow: score ≥</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="123" />
            <source>年龄（岁起，分）</source>
            <translation>Age (from age, points)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="130" />
            <source>岁及以上</source>
            <translation>years and over</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="140" />
            <source>居住情况（分）</source>
            <translation>Living situation (points)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="143" />
            <source>失能等级（分）</source>
            <translation>Disability (points)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="144" />
            <source>经济状况（分）</source>
            <translation>Economic status (points)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="146" />
            <source>其他风险因素（分）</source>
            <translation>Other risk factors (points)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="154" />
            <source>必红条件（同时满足即为红色）</source>
            <translation>Always-red triggers (red when all conditions hold)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="160" />
            <source>复评间隔（月）</source>
            <translation>Reassessment interval (months)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="186" />
            <source>预览：等级变化</source>
            <translation>Preview: level changes</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="188" />
            <source>修改规则后点“预览”，查看会有多少人、哪些人改变等级。</source>
            <translation>Change the rules, then press "Preview" to see how many people, and who, would change level.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="193" />
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="193" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="193" />
            <source>原等级</source>
            <translation>Old level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="193" />
            <source>新等级</source>
            <translation>New level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="267" />
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="337" />
            <source>规则已修改，请重新预览后再应用。</source>
            <translation>The rules changed; preview again before applying.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="272" />
            <source>当前规则：第 %1 版 %2</source>
            <translation>Rules in force: version %1 %2</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="277" />
            <source>（只有督导可以应用新规则，您可以预览）</source>
            <translation>(only a supervisor can apply new rules; you can preview)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="297" />
            <source>正在预览</source>
            <translation>Previewing</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="316" />
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="328" />
            <source>只有督导可以应用新规则。</source>
            <translation>Only a supervisor can apply new rules.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="330" />
            <source>规则没有变化。</source>
            <translation>The rules have not changed.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="332" />
            <source>确认无误后点“应用”：将保存为新版本并重新评估所有在册老人。</source>
            <translation>If this looks right, press "Apply": the rules are saved as a new version and every active person is re-assessed.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="345" />
            <source>正在应用新规则并重新评估</source>
            <translation>Applying the new rules and re-assessing</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/rules_dialog.py" line="357" />
            <source>已应用第 %1 版规则，%2 人改变等级。</source>
            <translation>Rules version %1 applied; %2 people changed level.</translation>
        </message>
    </context>
    <context>
        <name>SelectionPrintDialog</name>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="247" />
            <source>打印探访单（%1 人）</source>
            <translation>Print visit sheets (%1 people)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="253" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="254" />
            <source>保存为 PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="266" />
            <source>正在生成探访单</source>
            <translation>Making visit sheets</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="282" />
            <source>保存为 PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/print_export/print_panel.py" line="283" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="27" />
            <source>界面语言</source>
            <translation>Interface language</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="33" />
            <source>语言</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="34" />
            <source>切换后立即生效，并在下次启动时保持。</source>
            <translation>Takes effect at once and is kept for the next start.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="37" />
            <source>当前用户</source>
            <translation>Signed-in user</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="44" />
            <source>已登录</source>
            <translation>Signed in as</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="45" />
            <source>切换用户…</source>
            <translation>Switch user…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="49" />
            <source>分级规则</source>
            <translation>Care-level rules</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="51" />
            <source>查看和修改分级规则…</source>
            <translation>View and change the care-level rules…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="57" />
            <source>只有督导可以修改分级规则；请用“切换用户”以督导身份登录。</source>
            <translation>Only a supervisor may change the rules; use "Switch user" to sign in as a supervisor.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="60" />
            <source>数据库</source>
            <translation>Database</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="63" />
            <source>位置</source>
            <translation>Location</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="65" />
            <source>数据</source>
            <translation>Data</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="65" />
            <source>演示数据（合成）</source>
            <translation>Demo data (synthetic)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings/settings_page.py" line="65" />
            <source>正式数据</source>
            <translation>Real data</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location filename="../../src/silverage/ui/shell/sign_in.py" line="28" />
            <source>登录 银龄</source>
            <translation>Sign in to Silverage</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/sign_in.py" line="42" />
            <source>用户</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/sign_in.py" line="43" />
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/sign_in.py" line="48" />
            <source>登录</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/sign_in.py" line="49" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <location filename="../../src/silverage/ui/shell/tasks.py" line="132" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/tasks.py" line="212" />
            <source>操作没有完成，数据没有改动。详细信息已写入日志。</source>
            <translation>The operation did not complete and nothing was changed. Details are in the log.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/shell/tasks.py" line="215" />
            <source>错误类型：%1。如果再次出现，请把日志交给管理员。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VisitHistoryPanel</name>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="231" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="232" />
            <source>方式</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="233" />
            <source>志愿者</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="234" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="235" />
            <source>结果</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="236" />
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_panels.py" line="251" />
            <source>共 %1 次</source>
            <translation>%1 in total</translation>
        </message>
    </context>
    <context>
        <name>VisitPolicyDialog</name>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="35" />
            <source>探访频次</source>
            <translation>Visit policy</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="41" />
            <source>每个等级多久上门探访一次、每周电话问候几次，以及多少天未联系算逾期。修改后对之后生成的计划生效。</source>
            <translation>How often each level gets a home visit, how many phone check-ins a week, and after how many days without contact a person is overdue. Changes apply to plans generated afterwards.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="49" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="49" />
            <source>上门探访</source>
            <translation>Home visit</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="49" />
            <source>每周电话</source>
            <translation>Calls a week</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="49" />
            <source>逾期天数</source>
            <translation>Days late</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="64" />
            <source> 次</source>
            <translation> times</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="65" />
            <source> 天</source>
            <translation> days</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="74" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="75" />
            <source>恢复默认</source>
            <translation>Restore defaults</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="77" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="86" />
            <source>只有督导可以修改探访频次。</source>
            <translation>Only a supervisor can change the visit policy.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="117" />
            <source>保存探访频次</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visit_policy_dialog.py" line="118" />
            <source>已保存；之后生成的探访计划按新的频次。</source>
            <translation>Saved; plans generated from now on use the new policy.</translation>
        </message>
    </context>
    <context>
        <name>VisitsPage</name>
        <message>
            <location filename="../../src/silverage/ui/visits/visits_page.py" line="35" />
            <source>探访频次…</source>
            <translation>Visit policy…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visits_page.py" line="36" />
            <source>各等级上门和电话问候的频次（督导可修改）</source>
            <translation>How often each level gets home visits and phone check-ins (supervisors can change it)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visits_page.py" line="50" />
            <source>计划</source>
            <translation>Plan</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visits_page.py" line="51" />
            <source>录入结果</source>
            <translation>Record outcomes</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visits_page.py" line="52" />
            <source>待办</source>
            <translation>Worklists</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visits_page.py" line="53" />
            <source>专项行动</source>
            <translation>Campaign</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visits_page.py" line="54" />
            <source>探访率</source>
            <translation>Visit rates</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visits_page.py" line="55" />
            <source>节假日</source>
            <translation>Holidays</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visits_page.py" line="76" />
            <source>有冲突</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/visits_page.py" line="76" />
            <source>这样调整有以下冲突，仍然调整吗？</source>
            <translation>This change has the following conflicts. Change anyway?</translation>
        </message>
    </context>
    <context>
        <name>VolunteerWeekView</name>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteer_week_view.py" line="28" />
            <source>上午</source>
            <translation>Morning</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteer_week_view.py" line="28" />
            <source>下午</source>
            <translation>Afternoon</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteer_week_view.py" line="55" />
            <source>%1 次</source>
            <translation>%1 visits</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteer_week_view.py" line="61" />
            <source>非工作日</source>
            <translation>Not a working day</translation>
        </message>
    </context>
    <context>
        <name>VolunteersPage</name>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="89" />
            <source>搜索志愿者姓名、电话、微网格</source>
            <translation>Search volunteers by name, phone, micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="90" />
            <source>包括已停用</source>
            <translation>Include inactive</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="91" />
            <source>新增志愿者</source>
            <translation>New volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="101" />
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="136" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="102" />
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="138" />
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="103" />
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="104" />
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="157" />
            <source>微网格</source>
            <translation>Micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="105" />
            <source>每周上限</source>
            <translation>Max per week</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="106" />
            <source>本月探访</source>
            <translation>Visits this month (done/planned)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="107" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="123" />
            <source>志愿者信息</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="135" />
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="213" />
            <source>在岗</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="137" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="139" />
            <source>所在微网格</source>
            <translation>Home micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="140" />
            <source>每周最多探访</source>
            <translation>Visits per week at most</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="141" />
            <source>可探访时间</source>
            <translation>Available</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="142" />
            <source>特长</source>
            <translation>Skills</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="148" />
            <source>保存志愿者</source>
            <translation>Save volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="155" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="156" />
            <source>老人</source>
            <translation>Person</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="158" />
            <source>近90天探访次数</source>
            <translation>Visits in the last 90 days</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="159" />
            <source>最近一次</source>
            <translation>Last</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="169" />
            <source>负责探访的老人（双击打开）</source>
            <translation>People they visit (double-click to open)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="213" />
            <source>已停用</source>
            <translation>Inactive</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="240" />
            <source>本月：已完成 %1 次 / 已安排 %2 次；每周上限 %3 次</source>
            <translation>This month: %1 done / %2 planned; at most %3 a week</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="304" />
            <source>在志愿者页面修改</source>
            <translation>Changed on the volunteers page</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers/volunteers_page.py" line="321" />
            <source>已保存</source>
            <translation>Saved</translation>
        </message>
    </context>
    <context>
        <name>WorklistTab</name>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="34" />
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="42" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="33" />
            <source>期限</source>
            <translation>Due</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="35" />
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="48" />
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="86" />
            <source>跟进事项</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="36" />
            <source>负责人</source>
            <translation>Owner</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="37" />
            <source>逾期天数</source>
            <translation>Days late</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="38" />
            <source>探访编号</source>
            <translation>Visit code</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="42" />
            <source>到期</source>
            <translation>Due</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="42" />
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="49" />
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="87" />
            <source>提醒</source>
            <translation>Alerts</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="46" />
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="85" />
            <source>逾期未联系（红色优先）</source>
            <translation>Overdue (red first)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="48" />
            <source>标记为已完成</source>
            <translation>Mark as done</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="49" />
            <source>标记为已处理</source>
            <translation>Mark as handled</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="95" />
            <source>完成跟进事项</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../src/silverage/ui/visits/worklist_tab.py" line="101" />
            <source>处理提醒</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>parent</name>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="70" />
            <source>尚未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="71" />
            <source>修改还没有保存。要保存吗？</source>
            <translation>Your changes are not saved. Save them?</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="72" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="73" />
            <source>不保存</source>
            <translation>Don't save</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/person_editor.py" line="74" />
            <source>继续编辑</source>
            <translation>Keep editing</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="398" />
            <source>调整微网格</source>
            <translation>Move to micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster/roster_page.py" line="410" />
            <source>更换志愿者</source>
            <translation>Change volunteer</translation>
        </message>
    </context>
    <context>
        <name>Fields</name>
        <message>
            <source>序号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>身份证号码</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>性别</source>
            <translation>Gender</translation>
        </message>
        <message>
            <source>出生日期</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <source>年龄</source>
            <translation>Age</translation>
        </message>
        <message>
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>电话2</source>
            <translation>Phone 2</translation>
        </message>
        <message>
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <source>微网格</source>
            <translation>Micro-grid</translation>
        </message>
        <message>
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>街道门牌</source>
            <translation>Street and number</translation>
        </message>
        <message>
            <source>幢/楼</source>
            <translation>Building</translation>
        </message>
        <message>
            <source>单元</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>室</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>居住情况</source>
            <translation>Living situation</translation>
        </message>
        <message>
            <source>关爱等级</source>
            <translation>Care level</translation>
        </message>
        <message>
            <source>失能等级</source>
            <translation>Disability</translation>
        </message>
        <message>
            <source>经济状况</source>
            <translation>Economic status</translation>
        </message>
        <message>
            <source>行动能力</source>
            <translation>Mobility</translation>
        </message>
        <message>
            <source>健康状况</source>
            <translation>Health conditions</translation>
        </message>
        <message>
            <source>患重大疾病</source>
            <translation>Serious illness</translation>
        </message>
        <message>
            <source>认知障碍</source>
            <translation>Cognitive impairment</translation>
        </message>
        <message>
            <source>子女住在附近</source>
            <translation>Children live nearby</translation>
        </message>
        <message>
            <source>近一年跌倒过</source>
            <translation>Fell in the last year</translation>
        </message>
        <message>
            <source>近一年住过院</source>
            <translation>In hospital in the last year</translation>
        </message>
        <message>
            <source>居家有安全隐患</source>
            <translation>Hazards at home</translation>
        </message>
        <message>
            <source>紧急联系人姓名</source>
            <translation>Emergency contact</translation>
        </message>
        <message>
            <source>与老人关系</source>
            <translation>Relation</translation>
        </message>
        <message>
            <source>联系人电话</source>
            <translation>Contact's phone</translation>
        </message>
        <message>
            <source>紧急联系人</source>
            <translation>Emergency contacts</translation>
        </message>
        <message>
            <source>最近联系</source>
            <translation>Last contact</translation>
        </message>
        <message>
            <source>下次复评</source>
            <translation>Next reassessment</translation>
        </message>
        <message>
            <source>上门注意事项</source>
            <translation>Doorstep notes</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>状态日期</source>
            <translation>Status date</translation>
        </message>
        <message>
            <source>状态说明</source>
            <translation>Status note</translation>
        </message>
        <message>
            <source>逾期天数</source>
            <translation>Days late</translation>
        </message>
        <message>
            <source>关系</source>
            <translation>Relation</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>顺序</source>
            <translation>Order</translation>
        </message>
    </context>
</TS>