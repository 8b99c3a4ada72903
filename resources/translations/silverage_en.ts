<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>AvailabilityGrid</name>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="49" />
            <source>周一</source>
            <translation>Mon</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="49" />
            <source>周二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="49" />
            <source>周三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="49" />
            <source>周四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="49" />
            <source>周五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="50" />
            <source>周六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="50" />
            <source>周日</source>
            <translation>Sun</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="53" />
            <source>上午</source>
            <translation>Morning</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="53" />
            <source>下午</source>
            <translation>Afternoon</translation>
        </message>
    </context>
    <context>
        <name>ContactsEditor</name>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="40" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="40" />
            <source>关系</source>
            <translation>Relation</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="40" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="40" />
            <source>电话2</source>
            <translation>Phone 2</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="45" />
            <source>添加联系人</source>
            <translation>Add contact</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="46" />
            <source>删除所选联系人</source>
            <translation>Remove selected contact</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="52" />
            <source>各等级人数</source>
            <translation>People per level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="53" />
            <source>各社区人数</source>
            <translation>People per community</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="59" />
            <source>本月探访率（目标 100%，虚线）</source>
            <translation>Visit rate this month (target 100%, dashed line)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="61" />
            <source>按社区</source>
            <translation>By community</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="62" />
            <source>按等级</source>
            <translation>By level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="68" />
            <location filename="../../src/silverage/ui/dashboard_page.py" line="72" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="68" />
            <location filename="../../src/silverage/ui/dashboard_page.py" line="72" />
            <location filename="../../src/silverage/ui/dashboard_page.py" line="76" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="68" />
            <location filename="../../src/silverage/ui/dashboard_page.py" line="72" />
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="68" />
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="69" />
            <source>最近联系</source>
            <translation>Last contact</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="69" />
            <source>已过天数</source>
            <translation>Days since</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="69" />
            <source>规定间隔（天）</source>
            <translation>Required interval (days)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="70" />
            <location filename="../../src/silverage/ui/dashboard_page.py" line="157" />
            <source>逾期未联系（红色优先）</source>
            <translation>Overdue contacts (red first)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="73" />
            <source>应复评日期</source>
            <translation>Reassessment due</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="74" />
            <source>需要复评</source>
            <translation>Reassessments due</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="76" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="76" />
            <source>寿辰</source>
            <translation>Birthday</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="77" />
            <source>60天内的整寿（80/90/100岁）</source>
            <translation>Milestone birthdays in the next 60 days (80/90/100)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="125" />
            <location filename="../../src/silverage/ui/dashboard_page.py" line="150" />
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="128" />
            <source>未分配</source>
            <translation>Unassigned</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="137" />
            <source>%1岁</source>
            <translation>%1 years</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="142" />
            <source>在册 %1 人 · 红 %2 · 黄 %3 · 绿 %4 · 逾期未联系 %5 · 需复评 %6 · 近60天整寿 %7</source>
            <translation>%1 on the roster · red %2 · yellow %3 · green %4 · overdue %5 · reassessment due %6 · milestone birthdays %7</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="157" />
            <source>逾期名单尚未提供</source>
            <translation>The overdue list is not available yet</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="163" />
            <source>从未</source>
            <translation>Never</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="171" />
            <source>探访率统计尚未提供</source>
            <translation>Visit rates are not available yet</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/dashboard_page.py" line="189" />
            <source>本月：%1年%2月；未达100%的社区以橙色/红色显示。</source>
            <translation>Month: %2/%1; communities below 100% are shown in orange or red.</translation>
        </message>
    </context>
    <context>
        <name>LevelPanel</name>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="119" />
            <source>取消人工调整（按规则计算）</source>
            <translation>Clear the override (use the rules)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="121" />
            <source>必须填写调整原因</source>
            <translation>A reason is required</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="122" />
            <source>人工调整等级</source>
            <translation>Override level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="125" />
            <source>调整为</source>
            <translation>Change to</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="126" />
            <location filename="../../src/silverage/ui/person_panels.py" line="131" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="130" />
            <source>等级历史</source>
            <translation>Level history</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="131" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="131" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="131" />
            <source>得分</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="132" />
            <source>触发</source>
            <translation>Trigger</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="132" />
            <source>操作人</source>
            <translation>By</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="148" />
            <source>当前等级：</source>
            <translation>Current level: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="152" />
            <source>依据：</source>
            <translation>Reasons: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="152" />
            <source>无</source>
            <translation>None</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="154" />
            <source>得分：</source>
            <translation>Score: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="156" />
            <source>人工调整原因：</source>
            <translation>Override reason: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="158" />
            <source>下次复评：</source>
            <translation>Next reassessment: </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="44" />
            <location filename="../../src/silverage/ui/main_window.py" line="258" />
            <source>银龄 · 独居空巢老人关爱</source>
            <translation>Silverage · care for elderly people living alone</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="70" />
            <source>总览</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="71" />
            <source>花名册</source>
            <translation>Roster</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="72" />
            <source>志愿者</source>
            <translation>Volunteers</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="73" />
            <location filename="../../src/silverage/ui/main_window.py" line="80" />
            <source>探访</source>
            <translation>Visits</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="74" />
            <source>打印与导出</source>
            <translation>Print &amp; export</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="75" />
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="86" />
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="87" />
            <source>Excel 导入导出</source>
            <translation>Excel import &amp; export</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="134" />
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="135" />
            <source>新增老人…</source>
            <translation>New person…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="136" />
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="138" />
            <source>切换用户…</source>
            <translation>Switch user…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="139" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="140" />
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="141" />
            <source>查找老人</source>
            <translation>Find a person</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="142" />
            <source>查看(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="147" />
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="148" />
            <location filename="../../src/silverage/ui/main_window.py" line="265" />
            <source>关于银龄</source>
            <translation>About Silverage</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="194" />
            <source>数据库：</source>
            <translation>Database: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="194" />
            <source>（演示数据）</source>
            <translation> (demo data)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="197" />
            <source>在册 %1 人</source>
            <translation>%1 on the roster</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="199" />
            <source>用户：</source>
            <translation>User: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/main_window.py" line="266" />
            <source>银龄：独居空巢老人花名册、三色分级与志愿者探访</source>
            <translation>Silverage: roster, care levels and volunteer visits for elderly people living alone</translation>
        </message>
    </context>
    <context>
        <name>PersonEditor</name>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="89" />
            <source>新增老人</source>
            <translation>New person</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="107" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="108" />
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="110" />
            <source>出生日期/年龄/性别</source>
            <translation>Birth date / age / gender</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="111" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="112" />
            <source>电话2</source>
            <translation>Phone 2</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="114" />
            <source>（未分配）</source>
            <translation>(unassigned)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="117" />
            <source>微网格</source>
            <translation>Micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="118" />
            <source>街道门牌</source>
            <translation>Street and number</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="119" />
            <source>幢/楼</source>
            <translation>Building</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="120" />
            <source>单元</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="121" />
            <source>室</source>
            <translation>Room</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="122" />
            <source>居住情况</source>
            <translation>Living situation</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="123" />
            <source>基本信息</source>
            <translation>Basic details</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="127" />
            <source>慢性病（用、分隔）</source>
            <translation>Chronic conditions (separated by 、)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="128" />
            <source>患重大疾病</source>
            <translation>Serious illness</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="129" />
            <source>失能等级</source>
            <translation>Disability</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="130" />
            <source>认知障碍</source>
            <translation>Cognitive impairment</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="131" />
            <source>行动能力</source>
            <translation>Mobility</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="132" />
            <source>经济状况</source>
            <translation>Economic status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="133" />
            <source>子女住在附近</source>
            <translation>Children live nearby</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="134" />
            <source>近一年跌倒过</source>
            <translation>Fell in the last year</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="135" />
            <source>近一年住过院</source>
            <translation>In hospital in the last year</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="136" />
            <source>居家有安全隐患</source>
            <translation>Hazards at home</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="137" />
            <source>上门须知（印在探访单上）</source>
            <translation>Doorstep notes (printed on visit sheets)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="137" />
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="143" />
            <source>健康与生活</source>
            <translation>Health and daily life</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="147" />
            <source>紧急联系人</source>
            <translation>Emergency contacts</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="151" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="153" />
            <source>探访记录</source>
            <translation>Visit history</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="154" />
            <source>在册状态</source>
            <translation>Roster status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="161" />
            <source>保存 (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="162" />
            <source>关闭 (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="174" />
            <source>当前状态</source>
            <translation>Current status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="184" />
            <source>归档（移出在册名单）</source>
            <translation>Archive (take off the active roster)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="185" />
            <source>恢复在册</source>
            <translation>Restore to the roster</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="188" />
            <source>归档原因类别</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="189" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="190" />
            <source>说明</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="263" />
            <source>老人信息：</source>
            <translation>Person: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="330" />
            <source>可能重复</source>
            <translation>Possible duplicate</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="330" />
            <source>仍然新建吗？</source>
            <translation>Create a new record anyway?</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="339" />
            <source>别人已经先保存了</source>
            <translation>Someone else saved first</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="340" />
            <source>您的修改还在表单里，没有保存。请记下修改，关闭后重新打开此人再改。</source>
            <translation>Your changes are still in the form and were not saved. Note them, close, reopen this person and change again.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="352" />
            <source>等级已变化：</source>
            <translation>Level changed: </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="354" />
            <source>已保存。</source>
            <translation>Saved. </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="368" />
            <source>没有保存，请改正标红的内容。</source>
            <translation>Not saved: correct the fields marked in red. </translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="423" />
            <source>尚未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="423" />
            <source>请先保存或撤销表单中的修改，再更改在册状态。</source>
            <translation>Save or undo the changes in the form before changing the roster status.</translation>
        </message>
    </context>
    <context>
        <name>RosterModel</name>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="91" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="91" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="91" />
            <source>性别</source>
            <translation>Gender</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="91" />
            <source>年龄</source>
            <translation>Age</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="91" />
            <source>居住情况</source>
            <translation>Living situation</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="92" />
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="92" />
            <source>网格</source>
            <translation>Grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="92" />
            <source>微网格</source>
            <translation>Micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="92" />
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="92" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="93" />
            <source>最近联系</source>
            <translation>Last contact</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="93" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="246" />
            <source>超过规定间隔未联系</source>
            <translation>Not contacted within the required interval</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="260" />
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="263" />
            <source>（人工）</source>
            <translation> (manual)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_model.py" line="283" />
            <source>从未</source>
            <translation>Never</translation>
        </message>
    </context>
    <context>
        <name>RosterPage</name>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="50" />
            <source>搜索：姓名、拼音首字母（如 zxy）、身份证号、电话、地址  (Ctrl+F)</source>
            <translation>Search: name, pinyin initials (e.g. zxy), ID number, phone, address  (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="53" />
            <source>全部等级</source>
            <translation>All levels</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="55" />
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="56" />
            <source>全部社区</source>
            <translation>All communities</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="57" />
            <location filename="../../src/silverage/ui/roster_page.py" line="178" />
            <source>全部网格</source>
            <translation>All grids</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="58" />
            <location filename="../../src/silverage/ui/roster_page.py" line="193" />
            <source>全部微网格</source>
            <translation>All micro-grids</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="59" />
            <source>全部居住情况</source>
            <translation>All living situations</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="61" />
            <source>在册</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="61" />
            <source>已归档</source>
            <translation>Archived</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="62" />
            <source>全部状态</source>
            <translation>Any status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="69" />
            <source>只看逾期未联系</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="70" />
            <source>只看需复评</source>
            <translation>Reassessment due only</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="71" />
            <source>清除筛选</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="103" />
            <source>新增老人</source>
            <translation>New person</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="104" />
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="105" />
            <source>调整微网格…</source>
            <translation>Move to micro-grid…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="106" />
            <source>打印探访单…</source>
            <translation>Print visit sheets…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="107" />
            <source>导出Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="163" />
            <source>逾期名单尚未提供</source>
            <translation>The overdue list is not available yet</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="230" />
            <source>显示 %1 / 共 %2 人</source>
            <translation>Showing %1 of %2</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="244" />
            <source>已选 %1 人</source>
            <translation>%1 selected</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="256" />
            <location filename="../../src/silverage/ui/roster_page.py" line="264" />
            <source>调整微网格</source>
            <translation>Move to micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="257" />
            <source>把选中的 %1 人调整到：</source>
            <translation>Move the %1 selected people to:</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="271" />
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="278" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/roster_page.py" line="285" />
            <source>此功能尚未提供：</source>
            <translation>Not available yet: </translation>
        </message>
    </context>
    <context>
        <name>RulesDialog</name>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="68" />
            <source>三色分级规则</source>
            <translation>Care-level rules</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="84" />
            <source>版本说明：</source>
            <translation>Version note:</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="86" />
            <source>例如：红色阈值降为5分</source>
            <translation>e.g. red threshold lowered to 5 points</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="88" />
            <source>预览</source>
            <translation>Preview</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="89" />
            <source>应用</source>
            <translation>Apply</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="90" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="115" />
            <source>阈值（分）</source>
            <translation>Thresholds (points)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="119" />
            <source>红色：得分 ≥</source>
            <translation>Red: score ≥</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="120" />
            <source>黄色：得分 ≥</source>
            <translation>Yellow: score ≥</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="123" />
            <source>年龄（岁起，分）</source>
            <translation>Age (from age, points)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="130" />
            <source>岁及以上</source>
            <translation>years and over</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="140" />
            <source>居住情况（分）</source>
            <translation>Living situation (points)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="143" />
            <source>失能等级（分）</source>
            <translation>Disability (points)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="144" />
            <source>经济状况（分）</source>
            <translation>Economic status (points)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="146" />
            <source>其他风险因素（分）</source>
            <translation>Other risk factors (points)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="154" />
            <source>必红条件（同时满足即为红色）</source>
            <translation>Always-red triggers (red when all conditions hold)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="160" />
            <source>复评间隔（月）</source>
            <translation>Reassessment interval (months)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="186" />
            <source>预览：等级变化</source>
            <translation>Preview: level changes</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="188" />
            <source>修改规则后点“预览”，查看会有多少人、哪些人改变等级。</source>
            <translation>Change the rules, then press "Preview" to see how many people, and who, would change level.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="193" />
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="193" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="193" />
            <source>原等级</source>
            <translation>Old level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="193" />
            <source>新等级</source>
            <translation>New level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="267" />
            <location filename="../../src/silverage/ui/rules_dialog.py" line="337" />
            <source>规则已修改，请重新预览后再应用。</source>
            <translation>The rules changed; preview again before applying.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="272" />
            <source>当前规则：第 %1 版 %2</source>
            <translation>Rules in force: version %1 %2</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="277" />
            <source>（只有督导可以应用新规则，您可以预览）</source>
            <translation>(only a supervisor can apply new rules; you can preview)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="297" />
            <source>正在预览</source>
            <translation>Previewing</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="316" />
            <source>未评估</source>
            <translation>Not assessed</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="328" />
            <source>只有督导可以应用新规则。</source>
            <translation>Only a supervisor can apply new rules.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="330" />
            <source>规则没有变化。</source>
            <translation>The rules have not changed.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="332" />
            <source>确认无误后点“应用”：将保存为新版本并重新评估所有在册老人。</source>
            <translation>If this looks right, press "Apply": the rules are saved as a new version and every active person is re-assessed.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="345" />
            <source>正在应用新规则并重新评估</source>
            <translation>Applying the new rules and re-assessing</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="356" />
            <source>已应用第 %1 版规则，%2 人改变等级。</source>
            <translation>Rules version %1 applied; %2 people changed level.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/rules_dialog.py" line="368" />
            <source>操作没有完成，数据没有改动。详细信息已写入日志。</source>
            <translation>The operation did not complete and nothing was changed. Details are in the log.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="27" />
            <source>界面语言</source>
            <translation>Interface language</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="33" />
            <source>语言</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="34" />
            <source>切换后立即生效，并在下次启动时保持。</source>
            <translation>Takes effect at once and is kept for the next start.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="37" />
            <source>当前用户</source>
            <translation>Signed-in user</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="42" />
            <source>已登录</source>
            <translation>Signed in as</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="43" />
            <source>切换用户…</source>
            <translation>Switch user…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="47" />
            <source>分级规则</source>
            <translation>Care-level rules</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="49" />
            <source>查看和修改分级规则…</source>
            <translation>View and change the care-level rules…</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="55" />
            <source>分级规则设置尚未提供</source>
            <translation>Rule settings are not available yet</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="58" />
            <source>只有督导可以修改分级规则；请用“切换用户”以督导身份登录。</source>
            <translation>Only a supervisor may change the rules; use "Switch user" to sign in as a supervisor.</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="61" />
            <source>数据库</source>
            <translation>Database</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="64" />
            <source>位置</source>
            <translation>Location</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="65" />
            <source>数据</source>
            <translation>Data</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="65" />
            <source>演示数据（合成）</source>
            <translation>Demo data (synthetic)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/settings_page.py" line="65" />
            <source>正式数据</source>
            <translation>Real data</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location filename="../../src/silverage/ui/sign_in.py" line="27" />
            <source>登录 银龄</source>
            <translation>Sign in to Silverage</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/sign_in.py" line="41" />
            <source>用户</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/sign_in.py" line="42" />
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/sign_in.py" line="45" />
            <source>登录</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/sign_in.py" line="46" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <location filename="../../src/silverage/ui/tasks.py" line="90" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>VisitHistoryPanel</name>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="192" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="192" />
            <source>方式</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="192" />
            <source>志愿者</source>
            <translation>Volunteers</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="192" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="193" />
            <source>结果</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="193" />
            <source>备注</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="204" />
            <source>探访记录尚未提供</source>
            <translation>Visit history is not available yet</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_panels.py" line="207" />
            <source>共 %1 次</source>
            <translation>%1 in total</translation>
        </message>
    </context>
    <context>
        <name>VolunteersPage</name>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="79" />
            <source>搜索志愿者姓名、电话、微网格</source>
            <translation>Search volunteers by name, phone, micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="80" />
            <source>包括已停用</source>
            <translation>Include inactive</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="81" />
            <source>新增志愿者</source>
            <translation>New volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="89" />
            <location filename="../../src/silverage/ui/volunteers_page.py" line="119" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="89" />
            <location filename="../../src/silverage/ui/volunteers_page.py" line="121" />
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="89" />
            <source>社区</source>
            <translation>Community</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="89" />
            <location filename="../../src/silverage/ui/volunteers_page.py" line="136" />
            <source>微网格</source>
            <translation>Micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="90" />
            <source>每周上限</source>
            <translation>Max per week</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="90" />
            <source>本月探访</source>
            <translation>Visits this month (done/planned)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="90" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="103" />
            <source>志愿者信息</source>
            <translation>Volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="111" />
            <source>（未分配）</source>
            <translation>(unassigned)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="118" />
            <location filename="../../src/silverage/ui/volunteers_page.py" line="182" />
            <source>在岗</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="120" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="122" />
            <source>所在微网格</source>
            <translation>Home micro-grid</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="123" />
            <source>每周最多探访</source>
            <translation>Visits per week at most</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="124" />
            <source>可探访时间</source>
            <translation>Available</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="125" />
            <source>特长</source>
            <translation>Skills</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="131" />
            <source>保存志愿者</source>
            <translation>Save volunteer</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="136" />
            <source>等级</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="136" />
            <source>老人</source>
            <translation>Person</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="137" />
            <source>近90天探访次数</source>
            <translation>Visits in the last 90 days</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="137" />
            <source>最近一次</source>
            <translation>Last</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="144" />
            <source>负责探访的老人（双击打开）</source>
            <translation>People they visit (double-click to open)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="153" />
            <source>志愿者编辑尚未提供（只能查看）</source>
            <translation>Editing volunteers is not available yet (view only)</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="182" />
            <source>已停用</source>
            <translation>Inactive</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="205" />
            <source>本月：已完成 %1 次 / 已安排 %2 次；每周上限 %3 次</source>
            <translation>This month: %1 done / %2 planned; at most %3 a week</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/volunteers_page.py" line="263" />
            <source>已保存</source>
            <translation>Saved</translation>
        </message>
    </context>
    <context>
        <name>optional</name>
        <message>
            <location filename="../../src/silverage/ui/optional.py" line="30" />
            <source>此功能尚未提供：</source>
            <translation>Not available yet: </translation>
        </message>
    </context>
    <context>
        <name>parent</name>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="51" />
            <source>尚未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="52" />
            <source>修改还没有保存。要保存吗？</source>
            <translation>Your changes are not saved. Save them?</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="53" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="54" />
            <source>不保存</source>
            <translation>Don't save</translation>
        </message>
        <message>
            <location filename="../../src/silverage/ui/person_editor.py" line="55" />
            <source>继续编辑</source>
            <translation>Keep editing</translation>
        </message>
    </context>
</TS>